package io.linea.cc.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A calendar as the API returns it; times are {@code HH:mm} strings as in the contract. */
public record CalendarView(UUID id, String name, String timeZone, List<HoursView> weeklyHours,
        List<HolidayView> holidays, long version) {

    public record HoursView(DayOfWeek day, String opens, String closes) {
    }

    public record HolidayView(LocalDate date, String name) {
    }
}
