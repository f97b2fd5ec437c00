package io.linea.cc.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.linea.cc.calendar.CalendarStatus.Reason;

/** ADM-02: whether a calendar is open, as routing will ask it; plain Java, no Spring. */
class CalendarScheduleTests {

    private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");

    private static final CalendarSchedule OFFICE = new CalendarSchedule(CHISINAU,
            List.of(hours(DayOfWeek.MONDAY, 8, 0, 12, 0), hours(DayOfWeek.MONDAY, 13, 0, 18, 0),
                    hours(DayOfWeek.SUNDAY, 1, 0, 5, 0), hours(DayOfWeek.SUNDAY, 8, 0, 18, 0),
                    hours(DayOfWeek.FRIDAY, 0, 0, 23, 59)),
            List.of(new Holiday(LocalDate.of(2026, 12, 25), "Christmas")));

    private static WeeklyHours hours(DayOfWeek day, int oh, int om, int ch, int cm) {
        return new WeeklyHours(day, LocalTime.of(oh, om), LocalTime.of(ch, cm));
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(CHISINAU).toInstant();
    }

    @Test
    void openInsideARangeAndClosedBetweenRangesOfTheSameDay() {
        // 2026-11-23 is a Monday
        assertThat(OFFICE.statusAt(local("2026-11-23T08:00"))).isEqualTo(CalendarStatus.workingHours());
        assertThat(OFFICE.statusAt(local("2026-11-23T11:59:59"))).isEqualTo(CalendarStatus.workingHours());
        assertThat(OFFICE.statusAt(local("2026-11-23T12:00")).reason()).isEqualTo(Reason.OUTSIDE_HOURS);
        assertThat(OFFICE.statusAt(local("2026-11-23T12:30")).open()).isFalse();
        assertThat(OFFICE.statusAt(local("2026-11-23T13:00")).open()).isTrue();
        assertThat(OFFICE.statusAt(local("2026-11-23T07:59:59")).open()).isFalse();
        assertThat(OFFICE.statusAt(local("2026-11-23T18:00")).open()).isFalse();
        assertThat(OFFICE.statusAt(local("2026-11-24T10:00")).open()).as("Tuesday has no hours").isFalse();
    }

    @Test
    void judgedInTheCalendarZoneNotInUtc() {
        // 06:30 UTC on Monday 2026-11-23 is 08:30 in Chisinau (UTC+2 in winter)
        assertThat(OFFICE.statusAt(Instant.parse("2026-11-23T06:30:00Z")).open()).isTrue();
        // 17:00 UTC is 19:00 local: closed although 17:00 would be inside 13:00-18:00 in UTC
        assertThat(OFFICE.statusAt(Instant.parse("2026-11-23T17:00:00Z")).open()).isFalse();
        // 23:30 UTC on Thursday is already Friday 01:30 local
        assertThat(OFFICE.statusAt(Instant.parse("2026-11-26T23:30:00Z")).open()).isTrue();
    }

    @Test
    void holidayWinsOverWorkingHours() {
        // 2026-12-25 is a Friday, open all day by the weekly hours
        CalendarStatus status = OFFICE.statusAt(local("2026-12-25T10:00"));
        assertThat(status.open()).isFalse();
        assertThat(status.reason()).isEqualTo(Reason.HOLIDAY);
        assertThat(status.holidayName()).isEqualTo("Christmas");
        // the holiday is the local date: 23:30 UTC on the 24th is already the 25th in Chisinau
        assertThat(OFFICE.statusAt(Instant.parse("2026-12-24T23:30:00Z")).reason()).isEqualTo(Reason.HOLIDAY);
        assertThat(OFFICE.statusAt(local("2026-12-26T10:00")).reason()).isNotEqualTo(Reason.HOLIDAY);
    }

    @Test
    void springForwardDayFollowsTheLocalWallClock() {
        // Sunday 2026-03-29: Chisinau jumps from 02:00 to 03:00 (UTC+2 -> UTC+3)
        assertThat(OFFICE.statusAt(Instant.parse("2026-03-28T23:30:00Z")).open()).as("01:30 EET").isTrue();
        // 00:30 UTC = 03:30 EEST: inside 01:00-05:00 although only 3 real hours of it exist that night
        assertThat(OFFICE.statusAt(Instant.parse("2026-03-29T00:30:00Z")).open()).isTrue();
        assertThat(OFFICE.statusAt(Instant.parse("2026-03-29T02:00:00Z")).open()).as("05:00 EEST").isFalse();
        // 08:00 local is 05:00 UTC after the change (it would be 06:00 UTC on a winter day)
        assertThat(OFFICE.statusAt(Instant.parse("2026-03-29T04:59:59Z")).open()).isFalse();
        assertThat(OFFICE.statusAt(Instant.parse("2026-03-29T05:00:00Z")).open()).isTrue();
        assertThat(OFFICE.statusAt(Instant.parse("2026-03-29T14:59:59Z")).open()).isTrue();
        assertThat(OFFICE.statusAt(Instant.parse("2026-03-29T15:00:00Z")).open()).as("18:00 EEST").isFalse();
    }

    @Test
    void fallBackDayCountsTheRepeatedHourTwice() {
        // Sunday 2026-10-25: Chisinau goes back from 03:00 to 02:00 (UTC+3 -> UTC+2)
        assertThat(OFFICE.statusAt(Instant.parse("2026-10-24T23:30:00Z")).open()).as("02:30 EEST").isTrue();
        assertThat(OFFICE.statusAt(Instant.parse("2026-10-25T00:30:00Z")).open()).as("02:30 EET").isTrue();
        assertThat(OFFICE.statusAt(Instant.parse("2026-10-25T02:59:59Z")).open()).as("04:59:59 EET").isTrue();
        assertThat(OFFICE.statusAt(Instant.parse("2026-10-25T03:00:00Z")).open()).as("05:00 EET").isFalse();
        // 08:00 local is 06:00 UTC again after the change
        assertThat(OFFICE.statusAt(Instant.parse("2026-10-25T05:59:59Z")).open()).isFalse();
        assertThat(OFFICE.statusAt(Instant.parse("2026-10-25T06:00:00Z")).open()).isTrue();
    }

    @Test
    void emptyCalendarIsAlwaysClosed() {
        CalendarSchedule empty = new CalendarSchedule(ZoneId.of("UTC"), List.of(), List.of());
        assertThat(empty.statusAt(Instant.parse("2026-11-23T10:00:00Z"))).isEqualTo(CalendarStatus.outsideHours());
    }

    @Test
    void overlapIsDetectedOnlyOnTheSameDay() {
        assertThat(hours(DayOfWeek.MONDAY, 8, 0, 12, 0).overlaps(hours(DayOfWeek.MONDAY, 11, 0, 13, 0))).isTrue();
        assertThat(hours(DayOfWeek.MONDAY, 8, 0, 12, 0).overlaps(hours(DayOfWeek.MONDAY, 12, 0, 13, 0))).isFalse();
        assertThat(hours(DayOfWeek.MONDAY, 8, 0, 12, 0).overlaps(hours(DayOfWeek.TUESDAY, 8, 0, 12, 0))).isFalse();
    }
}
