package io.linea.cc.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The opening rules of one calendar, free of persistence so that routing can evaluate them per call.
 * Everything is judged in the calendar's own zone on the local wall clock: on a daylight-saving change
 * day a range such as 08:00-18:00 still means 08:00-18:00 local time, and a skipped local hour simply
 * never occurs. A holiday closes the whole local date and wins over the weekly hours.
 */
public record CalendarSchedule(ZoneId zone, List<WeeklyHours> weeklyHours, List<Holiday> holidays) {

    public CalendarSchedule {
        weeklyHours = List.copyOf(weeklyHours);
        holidays = List.copyOf(holidays);
    }

    public CalendarStatus statusAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        Map<LocalDate, Holiday> byDate = holidays.stream()
                .collect(Collectors.toMap(Holiday::date, Function.identity(), (a, b) -> a));
        Holiday holiday = byDate.get(date);
        if (holiday != null) {
            return CalendarStatus.holiday(holiday.name());
        }
        LocalTime time = local.toLocalTime();
        boolean open = weeklyHours.stream()
                .anyMatch(range -> range.day() == local.getDayOfWeek() && range.contains(time));
        return open ? CalendarStatus.workingHours() : CalendarStatus.outsideHours();
    }
}
