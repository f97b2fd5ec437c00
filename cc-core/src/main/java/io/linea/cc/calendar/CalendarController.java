package io.linea.cc.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/calendars}: working hours and holidays (ADM-02). */
@RestController
@RequestMapping("/api/cc/calendars")
class CalendarController {

    private final CalendarManagement management;

    CalendarController(CalendarManagement management) {
        this.management = management;
    }

    @GetMapping
    @RequiresPermission(Permissions.CALENDARS_VIEW)
    Paged<CalendarView> list(@RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return management.list(page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.CALENDARS_MANAGE)
    CalendarView create(@Valid @RequestBody CalendarRequest request) {
        return management.create(request.draft());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.CALENDARS_VIEW)
    CalendarView get(@PathVariable UUID id) {
        return management.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.CALENDARS_MANAGE)
    CalendarView update(@PathVariable UUID id, @Valid @RequestBody CalendarRequest request) {
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return management.update(id, request.version(), request.draft());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.CALENDARS_MANAGE)
    void delete(@PathVariable UUID id) {
        management.delete(id);
    }

    @GetMapping("/{id}/status")
    @RequiresPermission(Permissions.CALENDARS_VIEW)
    CalendarStatus status(@PathVariable UUID id, @RequestParam(required = false) Instant at) {
        return management.status(id, at == null ? Instant.now() : at);
    }

    /** Create and full replace; {@code version} is required on replace (optimistic locking). */
    record CalendarRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 64) String timeZone,
            @NotNull @Size(max = 100) List<@Valid @NotNull HoursRequest> weeklyHours,
            @Size(max = 366) List<@Valid @NotNull HolidayRequest> holidays, Long version) {

        CalendarDraft draft() {
            return new CalendarDraft(name, timeZone,
                    weeklyHours.stream().map(h -> new WeeklyHours(h.day(), h.opens(), h.closes())).toList(),
                    holidays == null ? List.of()
                            : holidays.stream().map(h -> new Holiday(h.date(), h.name().strip())).toList());
        }
    }

    record HoursRequest(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    record HolidayRequest(@NotNull LocalDate date, @NotBlank @Size(max = 100) String name) {
    }
}
