package io.linea.cc.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.linea.cc.queue.QueueRouting;
import io.linea.cc.routing.RoutingHandler;
import io.linea.cc.routing.RoutingTask;

/**
 * What the call path needs of queues, the router and the work list (ACD-01 … ACD-14, IVR-09). The
 * router's methods only queue work on its thread; the look-ups ({@link #setup}, {@link #position},
 * {@link #expectedWait}) and the work-list writes block, so the call engine makes them on its I/O pool.
 */
interface VoiceQueues {

    /**
     * A queue as a call about to enter it needs it: its rules, whether its calendar is open now, and the
     * time zone a caller's times mean (the calendar's, else the tenant's).
     */
    record QueueSetup(UUID queueId, String name, QueueRouting routing, boolean open, UUID preferredPerson,
            java.time.ZoneId zone) {
    }

    /** The queue of a tenant, its calendar state at {@code at}, and the sticky agent for {@code caller} (ACD-07). */
    Optional<QueueSetup> setup(UUID tenantId, UUID queueId, String caller, Instant at);

    void handle(RoutingHandler handler);

    void enqueue(RoutingTask task, String handle);

    /** Stores a call that will join its queue after the greeting, so a restart meanwhile keeps it. */
    void arriving(RoutingTask task, String handle);

    /** Replaces what finds the call again after a restart (node and channels). */
    void handle(UUID taskId, String handle);

    /** The calls the router held before a restart, waiting ones in queue order. */
    java.util.List<io.linea.cc.routing.PersistedTask> persisted();

    void restoreHandled(RoutingTask task, UUID personId, Instant since);

    void restoreWaiting(RoutingTask task);

    /** What the interaction row says of a call to restore: numbers, start and its agent. */
    record InteractionFacts(String tenantNumber, String remoteNumber, Instant startedAt, UUID agentId) {
    }

    Optional<InteractionFacts> interaction(UUID tenantId, UUID interactionId);

    void cancel(UUID taskId, boolean abandoned);

    void accepted(UUID taskId, UUID personId);

    void declined(UUID taskId, UUID personId);

    void finished(UUID taskId);

    /** AGT-03: the accepted call was transferred to another person (who goes on handling it). */
    void transferred(UUID taskId, UUID toPersonId);

    void callbackKept(UUID taskId);

    int position(UUID taskId);

    Optional<Duration> expectedWait(UUID taskId);

    /** Adds a missed call to the tenant's work list (ACD-14). */
    void missedCall(UUID tenantId, UUID interactionId, String caller, UUID queueId, Instant at);

    /** Adds a callback request; returns the work-list item. */
    /** A callback request on the work list: as soon as possible, or at {@code preferredAt} when not null. */
    UUID callbackRequested(UUID tenantId, UUID interactionId, String caller, UUID queueId, Instant at,
            Instant preferredAt);

    void callbackAttempted(UUID tenantId, UUID itemId, boolean reached);

    void voicemail(UUID tenantId, UUID interactionId, String caller, UUID queueId, Instant at, byte[] audio,
            long durationMs);

    /** Claims the scheduled callbacks whose time has come (ACD-10). */
    java.util.List<io.linea.cc.callback.CallbackManagement.DueCallback> claimDueCallbacks(Instant now);
}
