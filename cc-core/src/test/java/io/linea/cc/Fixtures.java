package io.linea.cc;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies tests reuse. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Map<String, Object> queue(String name) {
        return Map.of("name", name, "description", "test queue", "serviceLevelSeconds", 20, "enabled", true);
    }

    public static Map<String, Object> queue(String name, UUID calendarId, long version) {
        return Map.of("name", name, "description", "changed", "serviceLevelSeconds", 25, "enabled", false,
                "calendarId", calendarId.toString(), "version", version);
    }

    public static Map<String, Object> calendar(String name) {
        return Map.of("name", name, "timeZone", "Europe/Chisinau",
                "weeklyHours", List.of(Map.of("day", "MONDAY", "opens", "08:00", "closes", "12:00"),
                        Map.of("day", "MONDAY", "opens", "13:00", "closes", "18:00")),
                "holidays", List.of(Map.of("date", "2026-12-25", "name", "Christmas")));
    }

    public static Map<String, Object> calendar(String name, long version) {
        return Map.of("name", name, "timeZone", "Europe/Kyiv",
                "weeklyHours", List.of(Map.of("day", "TUESDAY", "opens", "09:00", "closes", "17:00")),
                "holidays", List.of(Map.of("date", "2027-01-01", "name", "New Year")), "version", version);
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
