package io.linea.cc.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.shared.Paged;
import io.linea.cc.shared.TimeZones;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.problem.LineaProblemException.FieldProblem;

/** Creates, changes and evaluates the current tenant's working-hours calendars (ADM-02). */
@Service
public class CalendarManagement {

    private static final Logger log = LoggerFactory.getLogger(CalendarManagement.class);

    private final Calendars calendars;
    private final ObjectProvider<CalendarUsage> usages;

    // Lazy: the users of calendars depend on this facade themselves.
    CalendarManagement(Calendars calendars, ObjectProvider<CalendarUsage> usages) {
        this.calendars = calendars;
        this.usages = usages;
    }

    @Transactional(readOnly = true)
    public Paged<CalendarView> list(int page, int size) {
        return Paged.of(calendars.findAll(PageRequest.of(page, size, Sort.by("name", "id"))), Calendar::view);
    }

    @Transactional(readOnly = true)
    public CalendarView get(UUID id) {
        return require(id).view();
    }

    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return calendars.existsById(id);
    }

    @Transactional(readOnly = true)
    public CalendarStatus status(UUID id, Instant at) {
        return require(id).schedule().statusAt(at);
    }

    /**
     * Business time of a calendar of the current tenant (HD-01 SLA timers); {@code null} means no calendar,
     * which is business time around the clock.
     */
    @Transactional(readOnly = true)
    public BusinessClock businessClock(UUID id) {
        return id == null ? BusinessClock.always() : BusinessClock.of(require(id).schedule());
    }

    /** The instant {@code minutes} business minutes after {@code start}; {@code null} if the calendar never opens. */
    @Transactional(readOnly = true)
    public Instant dueAfter(UUID id, Instant start, long minutes) {
        return businessClock(id).addMinutes(start, minutes);
    }

    /** Whole business minutes between two instants in a calendar ({@code null}: around the clock). */
    @Transactional(readOnly = true)
    public long businessMinutesBetween(UUID id, Instant from, Instant to) {
        return businessClock(id).minutesBetween(from, to);
    }

    @Transactional
    public CalendarView create(CalendarDraft draft) {
        check(draft);
        Calendar calendar = new Calendar(draft.name().strip(), draft.timeZone());
        calendar.addSchedule(draft.weeklyHours(), draft.holidays());
        calendar = calendars.saveAndFlush(calendar);
        log.info("Calendar {} created", calendar.id());
        return calendar.view();
    }

    @Transactional
    public CalendarView update(UUID id, long expectedVersion, CalendarDraft draft) {
        check(draft);
        Calendar calendar = require(id);
        if (calendar.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Calendar.class, id);
        }
        calendar.rename(draft.name().strip(), draft.timeZone());
        calendar.replaceSchedule(draft.weeklyHours(), draft.holidays());
        calendar = calendars.saveAndFlush(calendar);
        log.info("Calendar {} changed", id);
        return calendar.view();
    }

    @Transactional
    public void delete(UUID id) {
        Calendar calendar = require(id);
        if (usages.orderedStream().anyMatch(usage -> usage.uses(id))) {
            throw LineaProblemException.conflict("calendar.in-use");
        }
        calendars.delete(calendar);
        calendars.flush();
        log.info("Calendar {} deleted", id);
    }

    private Calendar require(UUID id) {
        return calendars.findById(id).orElseThrow(() -> LineaProblemException.notFound("calendar"));
    }

    private static void check(CalendarDraft draft) {
        TimeZones.require("timeZone", draft.timeZone());
        List<FieldProblem> problems = new ArrayList<>();
        List<WeeklyHours> hours = draft.weeklyHours();
        for (int i = 0; i < hours.size(); i++) {
            WeeklyHours range = hours.get(i);
            if (!range.opens().isBefore(range.closes())) {
                problems.add(new FieldProblem("weeklyHours[" + i + "]", "calendar.hours-order"));
                continue;
            }
            for (int j = 0; j < i; j++) {
                if (range.overlaps(hours.get(j))) {
                    problems.add(new FieldProblem("weeklyHours[" + i + "]", "calendar.hours-overlap", j));
                    break;
                }
            }
        }
        Set<Object> dates = new HashSet<>();
        for (int i = 0; i < draft.holidays().size(); i++) {
            if (!dates.add(draft.holidays().get(i).date())) {
                problems.add(new FieldProblem("holidays[" + i + "]", "calendar.holiday-duplicate"));
            }
        }
        if (!problems.isEmpty()) {
            throw new LineaProblemException(HttpStatus.BAD_REQUEST, "validation.failed", problems);
        }
    }
}
