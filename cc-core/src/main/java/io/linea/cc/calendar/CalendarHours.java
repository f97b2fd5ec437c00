package io.linea.cc.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One weekly opening range; owned by its calendar. */
@Entity
@Table(name = "calendar_hours")
class CalendarHours {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week")
    private DayOfWeek day;

    private LocalTime opens;

    private LocalTime closes;

    protected CalendarHours() {
    }

    CalendarHours(WeeklyHours hours) {
        this.id = UUID.randomUUID();
        this.day = hours.day();
        this.opens = hours.opens();
        this.closes = hours.closes();
    }

    WeeklyHours hours() {
        return new WeeklyHours(day, opens, closes);
    }
}
