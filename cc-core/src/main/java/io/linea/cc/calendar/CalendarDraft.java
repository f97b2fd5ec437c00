package io.linea.cc.calendar;

import java.util.List;

/** What a caller wants a calendar to be (create or full replace). */
public record CalendarDraft(String name, String timeZone, List<WeeklyHours> weeklyHours, List<Holiday> holidays) {

    public CalendarDraft {
        weeklyHours = weeklyHours == null ? List.of() : List.copyOf(weeklyHours);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
