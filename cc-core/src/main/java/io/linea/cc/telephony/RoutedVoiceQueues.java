package io.linea.cc.telephony;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.linea.cc.calendar.CalendarManagement;
import io.linea.cc.callback.CallbackManagement;
import io.linea.cc.queue.QueueManagement;
import io.linea.cc.queue.QueueView;
import io.linea.cc.routing.Medium;
import io.linea.cc.routing.Router;
import io.linea.cc.routing.RoutingHandler;
import io.linea.cc.routing.RoutingTask;
import io.linea.cc.settings.SettingsManagement;
import io.linea.platform.tenancy.TenantContext;

/** {@link VoiceQueues} on the router, the queue and calendar configuration and the work list. */
@Component
class RoutedVoiceQueues implements VoiceQueues {

    private final Router router;
    private final QueueManagement queues;
    private final CalendarManagement calendars;
    private final CallbackManagement callbacks;
    private final SettingsManagement settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate reads;

    RoutedVoiceQueues(Router router, QueueManagement queues, CalendarManagement calendars,
            CallbackManagement callbacks, SettingsManagement settings, JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.router = router;
        this.settings = settings;
        this.queues = queues;
        this.calendars = calendars;
        this.callbacks = callbacks;
        this.jdbc = jdbc;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reads.setReadOnly(true);
    }

    @Override
    public Optional<QueueSetup> setup(UUID tenantId, UUID queueId, String caller, Instant at) {
        return TenantContext.callAs(tenantId, () -> {
            QueueView queue;
            try {
                queue = queues.get(queueId);
            } catch (io.linea.platform.problem.LineaProblemException deleted) {
                return Optional.empty();
            }
            boolean open = queue.enabled()
                    && (queue.calendarId() == null || calendars.status(queue.calendarId(), at).open());
            UUID preferred = queue.routing().stickyDays() > 0 && caller != null && !caller.isBlank()
                    ? lastAgent(caller, at.minus(Duration.ofDays(queue.routing().stickyDays()))) : null;
            String zone = queue.calendarId() != null ? calendars.get(queue.calendarId()).timeZone()
                    : settings.current("Linea").timeZone();
            return Optional.of(new QueueSetup(queueId, queue.name(), queue.routing(), open, preferred,
                    zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone)));
        });
    }

    /** The person who last answered this caller since {@code since} (ACD-07), in the tenant in scope (RLS). */
    private UUID lastAgent(String caller, Instant since) {
        return reads.execute(status -> jdbc.sql("""
                select coalesce(a.user_id, a.id) from cc.interaction i
                join cc.agent a on a.tenant_id = i.tenant_id and a.id = i.agent_id
                where i.remote_number = :caller and i.answered_at is not null and i.started_at >= :since
                order by i.started_at desc limit 1
                """).param("caller", caller).param("since", Timestamp.from(since)).query(UUID.class).optional()
                .orElse(null));
    }

    @Override
    public void handle(RoutingHandler handler) {
        router.handle(Medium.VOICE, handler);
    }

    @Override
    public void enqueue(RoutingTask task, String handle) {
        router.enqueue(task, handle);
    }

    @Override
    public void arriving(RoutingTask task, String handle) {
        router.arriving(task, handle);
    }

    @Override
    public void handle(UUID taskId, String handle) {
        router.handle(taskId, handle);
    }

    @Override
    public java.util.List<io.linea.cc.routing.PersistedTask> persisted() {
        return router.persisted(Medium.VOICE);
    }

    @Override
    public void restoreHandled(RoutingTask task, UUID personId, Instant since) {
        router.restoreHandled(task, personId, since);
    }

    @Override
    public void restoreWaiting(RoutingTask task) {
        router.restoreWaiting(task);
    }

    @Override
    public Optional<InteractionFacts> interaction(UUID tenantId, UUID interactionId) {
        return TenantContext.callAs(tenantId, () -> reads.execute(status -> jdbc.sql("""
                select tenant_number, remote_number, started_at, agent_id from cc.interaction where id = :id
                """).param("id", interactionId).query((row, i) -> new InteractionFacts(row.getString("tenant_number"),
                row.getString("remote_number"), row.getTimestamp("started_at").toInstant(),
                row.getObject("agent_id", UUID.class))).optional()));
    }

    @Override
    public void cancel(UUID taskId, boolean abandoned) {
        router.cancel(taskId, abandoned);
    }

    @Override
    public void accepted(UUID taskId, UUID personId) {
        router.accepted(taskId, personId);
    }

    @Override
    public void declined(UUID taskId, UUID personId) {
        router.declined(taskId, personId);
    }

    @Override
    public void finished(UUID taskId) {
        router.finished(taskId);
    }

    @Override
    public void transferred(UUID taskId, UUID toPersonId) {
        router.transferred(taskId, toPersonId);
    }

    @Override
    public void callbackKept(UUID taskId) {
        router.callbackKept(taskId);
    }

    @Override
    public int position(UUID taskId) {
        return router.position(taskId);
    }

    @Override
    public Optional<Duration> expectedWait(UUID taskId) {
        return router.expectedWait(taskId);
    }

    @Override
    public void missedCall(UUID tenantId, UUID interactionId, String caller, UUID queueId, Instant at) {
        callbacks.missedCall(tenantId, interactionId, blankToNull(caller), queueId, at);
    }

    @Override
    public UUID callbackRequested(UUID tenantId, UUID interactionId, String caller, UUID queueId, Instant at,
            Instant preferredAt) {
        return callbacks.callbackRequested(tenantId, interactionId, blankToNull(caller), queueId, at, preferredAt);
    }

    @Override
    public void callbackAttempted(UUID tenantId, UUID itemId, boolean reached) {
        callbacks.callbackAttempted(tenantId, itemId, reached);
    }

    @Override
    public void voicemail(UUID tenantId, UUID interactionId, String caller, UUID queueId, Instant at, byte[] audio,
            long durationMs) {
        callbacks.voicemailRecorded(tenantId, interactionId, blankToNull(caller), queueId, at, audio, durationMs);
    }

    @Override
    public java.util.List<CallbackManagement.DueCallback> claimDueCallbacks(Instant now) {
        return callbacks.claimDue(now);
    }

    /** Withheld numbers arrive as "anonymous" or empty: nobody can call them back. */
    private static String blankToNull(String caller) {
        return caller == null || caller.isBlank() || !caller.matches("\\+?[0-9]{3,20}") ? null : caller;
    }
}
