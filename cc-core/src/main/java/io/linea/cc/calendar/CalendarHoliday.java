package io.linea.cc.calendar;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One holiday of a calendar. */
@Entity
@Table(name = "calendar_holiday")
class CalendarHoliday {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "holiday_date")
    private LocalDate date;

    private String name;

    protected CalendarHoliday() {
    }

    CalendarHoliday(Holiday holiday) {
        this.id = UUID.randomUUID();
        this.date = holiday.date();
        this.name = holiday.name();
    }

    void rename(String newName) {
        this.name = newName;
    }

    Holiday holiday() {
        return new Holiday(date, name);
    }
}
