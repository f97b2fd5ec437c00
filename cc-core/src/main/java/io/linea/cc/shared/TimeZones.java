package io.linea.cc.shared;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Time zone names as tenants type them: region ids such as {@code Europe/Chisinau}, or {@code UTC}. */
public final class TimeZones {

    private TimeZones() {
    }

    /** The zone, or a 400 problem naming {@code field}. */
    public static ZoneId require(String field, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException | NullPointerException e) {
            throw InvalidInput.field(field, "time-zone.invalid", value);
        }
    }
}
