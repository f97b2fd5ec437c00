package io.linea.cc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** HD-01: SLA timers count business time of the tenant's calendar; plain Java, no Spring. */
class BusinessClockTests {

    private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");

    /** Mon–Fri 09:00–18:00; Monday 2026-08-31 (Limba noastră) is a holiday. */
    private static final BusinessClock OFFICE = BusinessClock.of(new CalendarSchedule(CHISINAU, weekdays(9, 18),
            List.of(new Holiday(LocalDate.of(2026, 8, 31), "Limba noastră"))));

    private static List<WeeklyHours> weekdays(int opens, int closes) {
        List<WeeklyHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(new WeeklyHours(day, LocalTime.of(opens, 0), LocalTime.of(closes, 0)));
        }
        return hours;
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(CHISINAU).toInstant();
    }

    @Test
    void fridayEveningPlusTwoHoursSkipsTheWeekendAndTheMondayHoliday() {
        // 2026-08-28 is a Friday: one hour left on Friday, none on the weekend or the holiday, one on Tuesday
        Instant due = OFFICE.addMinutes(local("2026-08-28T17:00"), 120);
        assertThat(due).isEqualTo(Instant.parse("2026-09-01T07:00:00Z"));
        assertThat(due).isEqualTo(local("2026-09-01T10:00"));
        assertThat(OFFICE.minutesBetween(local("2026-08-28T17:00"), due)).isEqualTo(120);
    }

    @Test
    void wallClockHoursHoldAcrossTheSpringClockChange() {
        // clocks go forward in Chisinau on Sunday 2026-03-29: Friday is UTC+2, Monday UTC+3
        Instant due = OFFICE.addMinutes(local("2026-03-27T17:00"), 120);
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(OFFICE.between(Instant.parse("2026-03-27T15:00:00Z"), due)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aRangeOnAClockChangeDayCountsTheRealElapsedTime() {
        BusinessClock nights = BusinessClock.of(new CalendarSchedule(CHISINAU,
                List.of(new WeeklyHours(DayOfWeek.SUNDAY, LocalTime.of(0, 0), LocalTime.of(6, 0))), List.of()));
        // 02:00-03:00 does not exist on 2026-03-29; 03:00-04:00 happens twice on 2026-10-25
        assertThat(nights.between(local("2026-03-29T00:00"), local("2026-03-29T12:00"))).isEqualTo(Duration.ofHours(5));
        assertThat(nights.between(local("2026-10-25T00:00"), local("2026-10-25T12:00"))).isEqualTo(Duration.ofHours(7));
        assertThat(nights.addMinutes(local("2026-03-29T00:00"), 5 * 60)).isEqualTo(local("2026-03-29T06:00"));
        assertThat(nights.addMinutes(local("2026-03-29T00:00"), 5 * 60 + 1)).isEqualTo(local("2026-04-05T00:01"));
    }

    @Test
    void severalRangesADayLeaveTheBreakOut() {
        BusinessClock lunch = BusinessClock.of(new CalendarSchedule(CHISINAU,
                List.of(new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(18, 0))),
                List.of()));
        // 2026-11-23 is a Monday
        assertThat(lunch.addMinutes(local("2026-11-23T11:30"), 60)).isEqualTo(local("2026-11-23T13:30"));
        assertThat(lunch.addMinutes(local("2026-11-23T11:30"), 30)).isEqualTo(local("2026-11-23T12:00"));
        assertThat(lunch.minutesBetween(local("2026-11-23T07:00"), local("2026-11-23T20:00"))).isEqualTo(9 * 60);
        assertThat(lunch.addMinutes(local("2026-11-23T17:00"), 120)).isEqualTo(local("2026-11-30T09:00"));
    }

    @Test
    void anInstantOutsideHoursStartsAtTheNextOpening() {
        // Saturday 2026-09-05 10:00; Monday 2026-09-07 is a working day
        assertThat(OFFICE.addMinutes(local("2026-09-05T10:00"), 1)).isEqualTo(local("2026-09-07T09:01"));
        assertThat(OFFICE.addMinutes(local("2026-09-07T06:00"), 60)).isEqualTo(local("2026-09-07T10:00"));
        assertThat(OFFICE.minutesBetween(local("2026-09-05T10:00"), local("2026-09-07T09:30"))).isEqualTo(30);
    }

    @Test
    void aHolidayInsideAPeriodIsNotCounted() {
        // Friday 12:00 to Tuesday 12:00 across the holiday Monday: 6 h Friday + 3 h Tuesday
        assertThat(OFFICE.minutesBetween(local("2026-08-28T12:00"), local("2026-09-01T12:00"))).isEqualTo(9 * 60);
        assertThat(OFFICE.minutesBetween(local("2026-08-31T10:00"), local("2026-08-31T17:00"))).isZero();
    }

    @Test
    void addingWhatWasMeasuredLandsOnTheSameInstantInsideHours() {
        Instant start = local("2026-08-27T16:20");
        for (String end : List.of("2026-08-27T17:59", "2026-08-28T09:00:30", "2026-09-01T09:15", "2026-09-04T17:45")) {
            Duration measured = OFFICE.between(start, local(end));
            assertThat(OFFICE.add(start, measured)).as(end).isEqualTo(local(end));
        }
    }

    @Test
    void withoutCalendarEveryMinuteCounts() {
        Instant start = Instant.parse("2026-08-28T14:00:00Z");
        assertThat(BusinessClock.always().addMinutes(start, 120)).isEqualTo(Instant.parse("2026-08-28T16:00:00Z"));
        assertThat(BusinessClock.always().minutesBetween(start, Instant.parse("2026-08-31T14:00:00Z")))
                .isEqualTo(3 * 24 * 60);
    }

    @Test
    void aCalendarThatNeverOpensIsNeverDue() {
        BusinessClock closed = BusinessClock.of(new CalendarSchedule(CHISINAU, List.of(), List.of()));
        assertThat(closed.addMinutes(local("2026-08-28T17:00"), 1)).isNull();
        assertThat(closed.minutesBetween(local("2026-08-28T17:00"), local("2026-09-28T17:00"))).isZero();
        assertThat(OFFICE.minutesBetween(local("2026-09-01T12:00"), local("2026-09-01T11:00"))).isZero();
        assertThatThrownBy(() -> OFFICE.add(local("2026-09-01T12:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
