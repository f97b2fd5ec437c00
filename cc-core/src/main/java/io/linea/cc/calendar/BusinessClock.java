package io.linea.cc.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Business time of one calendar (HD-01 SLA timers): adds business time to an instant and measures the
 * business time between two instants. Pure and free of persistence, like {@link CalendarSchedule}.
 * <ul>
 * <li>Opening ranges are local wall-clock times of the calendar's zone, turned into instants day by day, so
 * a day on which clocks change counts the real elapsed time of its ranges (an hour skipped in spring is
 * not counted, a repeated hour in autumn is counted twice).</li>
 * <li>A holiday closes its whole local date.</li>
 * <li>A day may have several ranges (a lunch break between them is not business time).</li>
 * <li>An instant outside the ranges starts counting at the next opening.</li>
 * </ul>
 * A calendar without any weekly range is never open: {@link #add} then returns {@code null} (never due).
 */
public final class BusinessClock {

    /** Looking further ahead than this for an opening means the calendar is never open. */
    private static final int MAX_DAYS = 3 * 366;

    private static final BusinessClock ALWAYS = new BusinessClock(null);

    private final CalendarSchedule schedule;
    private final Set<LocalDate> holidays;

    private BusinessClock(CalendarSchedule schedule) {
        this.schedule = schedule;
        this.holidays = schedule == null ? Set.of()
                : schedule.holidays().stream().map(Holiday::date).collect(Collectors.toUnmodifiableSet());
    }

    /** Around the clock, every day: for tenants without a calendar. */
    public static BusinessClock always() {
        return ALWAYS;
    }

    public static BusinessClock of(CalendarSchedule schedule) {
        return new BusinessClock(Objects.requireNonNull(schedule));
    }

    public ZoneId zone() {
        return schedule == null ? ZoneOffset.UTC : schedule.zone();
    }

    /**
     * The instant at which {@code business} of business time has passed since {@code start}; {@code null}
     * when the calendar never opens. Adding zero to an instant outside hours gives that instant.
     */
    public Instant add(Instant start, Duration business) {
        if (business.isNegative()) {
            throw new IllegalArgumentException("negative business time: " + business);
        }
        if (schedule == null) {
            return start.plus(business);
        }
        if (business.isZero()) {
            return start;
        }
        Duration left = business;
        LocalDate date = start.atZone(schedule.zone()).toLocalDate().minusDays(1);
        for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
            for (Interval range : ranges(date)) {
                Instant from = range.from.isBefore(start) ? start : range.from;
                if (!from.isBefore(range.to)) {
                    continue;
                }
                Duration available = Duration.between(from, range.to);
                if (available.compareTo(left) >= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        return null;
    }

    /** {@link #add} in whole minutes. */
    public Instant addMinutes(Instant start, long minutes) {
        return add(start, Duration.ofMinutes(minutes));
    }

    /** The business time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (schedule == null) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate date = from.atZone(schedule.zone()).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(schedule.zone()).toLocalDate().plusDays(1);
        for (; !date.isAfter(last); date = date.plusDays(1)) {
            for (Interval range : ranges(date)) {
                Instant a = range.from.isBefore(from) ? from : range.from;
                Instant b = range.to.isAfter(to) ? to : range.to;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** Whole business minutes in {@code [from, to)}, rounded down. */
    public long minutesBetween(Instant from, Instant to) {
        return between(from, to).toMinutes();
    }

    /** The opening ranges of one local date as instants, in order; none on a holiday. */
    private List<Interval> ranges(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        ZoneId zone = schedule.zone();
        List<Interval> ranges = new ArrayList<>();
        for (WeeklyHours hours : schedule.weeklyHours()) {
            if (hours.day() != date.getDayOfWeek()) {
                continue;
            }
            // atZone moves a time in a spring gap forward and picks the earlier offset in an autumn overlap
            Instant from = ZonedDateTime.of(date, hours.opens(), zone).toInstant();
            Instant to = ZonedDateTime.of(date, hours.closes(), zone).toInstant();
            if (from.isBefore(to)) {
                ranges.add(new Interval(from, to));
            }
        }
        ranges.sort(Comparator.comparing(Interval::from));
        return ranges;
    }

    private record Interval(Instant from, Instant to) {
    }
}
