package io.linea.cc.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One opening range on a weekday, in the calendar's local wall-clock time; {@code closes} is exclusive. */
public record WeeklyHours(DayOfWeek day, LocalTime opens, LocalTime closes) {

    boolean contains(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    boolean overlaps(WeeklyHours other) {
        return day == other.day && opens.isBefore(other.closes) && other.opens.isBefore(closes);
    }
}
