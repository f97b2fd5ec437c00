package io.linea.cc.queue;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.calendar.CalendarManagement;
import io.linea.cc.calendar.CalendarUsage;
import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;

/** Creates and changes the current tenant's queues (ADM-02). */
@Service
public class QueueManagement implements CalendarUsage {

    private static final Logger log = LoggerFactory.getLogger(QueueManagement.class);

    private final Queues queues;
    private final CalendarManagement calendars;

    QueueManagement(Queues queues, CalendarManagement calendars) {
        this.queues = queues;
        this.calendars = calendars;
    }

    @Transactional(readOnly = true)
    public Paged<QueueView> list(int page, int size) {
        return Paged.of(queues.findAll(PageRequest.of(page, size, Sort.by("name", "id"))), Queue::view);
    }

    @Transactional(readOnly = true)
    public QueueView get(UUID id) {
        return require(id).view();
    }

    @Transactional(readOnly = true)
    public boolean existsByName(String name) {
        return queues.exists(Queues.named(name));
    }

    @Transactional
    public QueueView create(QueueDraft draft) {
        checkCalendar(draft);
        Queue queue = queues.saveAndFlush(new Queue(draft));
        log.info("Queue {} created", queue.id());
        return queue.view();
    }

    @Transactional
    public QueueView update(UUID id, long expectedVersion, QueueDraft draft) {
        Queue queue = require(id);
        if (queue.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Queue.class, id);
        }
        checkCalendar(draft);
        queue.change(draft);
        queue = queues.saveAndFlush(queue);
        log.info("Queue {} changed", id);
        return queue.view();
    }

    @Transactional
    public void delete(UUID id) {
        queues.delete(require(id));
        queues.flush();
        log.info("Queue {} deleted", id);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean uses(UUID calendarId) {
        return queues.exists(Queues.usingCalendar(calendarId));
    }

    /** Another tenant's calendar id is reported exactly like a missing one: its existence is not leaked. */
    private void checkCalendar(QueueDraft draft) {
        if (draft.calendarId() != null && !calendars.exists(draft.calendarId())) {
            throw LineaProblemException.notFound("calendar");
        }
    }

    private Queue require(UUID id) {
        return queues.findById(id).orElseThrow(() -> LineaProblemException.notFound("queue"));
    }
}
