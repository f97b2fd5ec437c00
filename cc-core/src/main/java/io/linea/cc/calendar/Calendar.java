package io.linea.cc.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.TenantId;

/** A working-hours calendar of one tenant. */
@Entity
@Table(name = "calendar")
class Calendar {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String name;

    private String timeZone;

    // A wrapper, not a primitive: Spring Data then treats a null version as "new" and persists
    // instead of merging (a merge re-copies the collections and bumps the version at once).
    @Version
    private Long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "calendar_id", nullable = false, updatable = false)
    @BatchSize(size = 50)
    private List<CalendarHours> hours = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "calendar_id", nullable = false, updatable = false)
    @BatchSize(size = 50)
    private List<CalendarHoliday> holidays = new ArrayList<>();

    protected Calendar() {
    }

    Calendar(String name, String timeZone) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.timeZone = timeZone;
    }

    UUID id() {
        return id;
    }

    long version() {
        return version == null ? 0 : version;
    }

    void rename(String name, String timeZone) {
        this.name = name;
        this.timeZone = timeZone;
    }

    void addSchedule(List<WeeklyHours> weeklyHours, List<Holiday> newHolidays) {
        weeklyHours.forEach(h -> hours.add(new CalendarHours(h)));
        newHolidays.forEach(h -> holidays.add(new CalendarHoliday(h)));
    }

    /**
     * Replaces the schedule. Holidays are reconciled by date rather than cleared and re-added:
     * Hibernate inserts before it deletes orphans, so re-adding a kept date would break the
     * (calendar, date) unique key.
     */
    void replaceSchedule(List<WeeklyHours> weeklyHours, List<Holiday> newHolidays) {
        hours.clear();
        weeklyHours.forEach(h -> hours.add(new CalendarHours(h)));
        Map<LocalDate, String> wanted = new LinkedHashMap<>();
        newHolidays.forEach(h -> wanted.put(h.date(), h.name()));
        holidays.removeIf(existing -> !wanted.containsKey(existing.holiday().date()));
        for (CalendarHoliday existing : holidays) {
            existing.rename(wanted.remove(existing.holiday().date()));
        }
        wanted.forEach((date, name) -> holidays.add(new CalendarHoliday(new Holiday(date, name))));
    }

    CalendarSchedule schedule() {
        return new CalendarSchedule(ZoneId.of(timeZone), hours.stream().map(CalendarHours::hours).toList(),
                holidays.stream().map(CalendarHoliday::holiday).toList());
    }

    CalendarView view() {
        return new CalendarView(id, name, timeZone,
                hours.stream().map(CalendarHours::hours)
                        .sorted(Comparator.comparing(WeeklyHours::day).thenComparing(WeeklyHours::opens))
                        .map(h -> new CalendarView.HoursView(h.day(), HOURS.format(h.opens()), HOURS.format(h.closes())))
                        .toList(),
                holidays.stream().map(CalendarHoliday::holiday).sorted(Comparator.comparing(Holiday::date))
                        .map(h -> new CalendarView.HolidayView(h.date(), h.name())).toList(),
                version());
    }
}
