package io.linea.cc.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.linea.cc.routing.RoutingHandler;
import io.linea.cc.routing.RoutingTask;

/**
 * Queues and router for the call engine's unit tests: records what the engine asked, answers look-ups
 * from what the test set, and lets the test play the router's decisions through {@link #handler}.
 */
final class FakeQueues implements VoiceQueues {

    RoutingHandler handler;
    final Map<UUID, QueueSetup> setups = new ConcurrentHashMap<>();
    /** What the engine told the router, in order: "enqueue id", "cancel id abandoned", "accepted id person"… */
    final List<String> told = new CopyOnWriteArrayList<>();
    final List<RoutingTask> enqueued = new CopyOnWriteArrayList<>();
    final List<String> workList = new CopyOnWriteArrayList<>();
    final Map<UUID, byte[]> voicemails = new ConcurrentHashMap<>();
    volatile int position = 1;
    volatile Duration expectedWait = Duration.ofMinutes(3);

    @Override
    public Optional<QueueSetup> setup(UUID tenantId, UUID queueId, String caller, Instant at) {
        return Optional.ofNullable(setups.get(queueId));
    }

    @Override
    public void handle(RoutingHandler handler) {
        this.handler = handler;
    }

    @Override
    public void enqueue(RoutingTask task, String handle) {
        enqueued.add(task);
        handles.put(task.id(), handle);
        told.add("enqueue " + task.id());
    }

    final Map<UUID, String> handles = new ConcurrentHashMap<>();
    final List<io.linea.cc.routing.PersistedTask> persisted = new CopyOnWriteArrayList<>();
    final Map<UUID, InteractionFacts> facts = new ConcurrentHashMap<>();

    final List<UUID> arriving = new CopyOnWriteArrayList<>();

    @Override
    public void arriving(RoutingTask task, String handle) {
        arriving.add(task.id());
        handles.put(task.id(), handle);
    }

    @Override
    public void handle(UUID taskId, String handle) {
        handles.put(taskId, handle);
    }

    @Override
    public List<io.linea.cc.routing.PersistedTask> persisted() {
        return List.copyOf(persisted);
    }

    @Override
    public void restoreHandled(RoutingTask task, UUID personId, Instant since) {
        told.add("restore-handled " + task.id() + " " + personId);
    }

    @Override
    public void restoreWaiting(RoutingTask task) {
        told.add("restore-waiting " + task.id());
    }

    @Override
    public Optional<InteractionFacts> interaction(UUID tenantId, UUID interactionId) {
        return Optional.ofNullable(facts.get(interactionId));
    }

    @Override
    public void cancel(UUID taskId, boolean abandoned) {
        told.add("cancel " + taskId + (abandoned ? " abandoned" : ""));
    }

    @Override
    public void accepted(UUID taskId, UUID personId) {
        told.add("accepted " + taskId + " " + personId);
    }

    @Override
    public void declined(UUID taskId, UUID personId) {
        told.add("declined " + taskId + " " + personId);
    }

    @Override
    public void finished(UUID taskId) {
        told.add("finished " + taskId);
    }

    @Override
    public void transferred(UUID taskId, UUID toPersonId) {
        told.add("transferred " + taskId + " " + toPersonId);
    }

    @Override
    public void callbackKept(UUID taskId) {
        told.add("kept " + taskId);
    }

    @Override
    public int position(UUID taskId) {
        return position;
    }

    @Override
    public Optional<Duration> expectedWait(UUID taskId) {
        return Optional.ofNullable(expectedWait);
    }

    @Override
    public void missedCall(UUID tenantId, UUID interactionId, String caller, UUID queueId, Instant at) {
        workList.add("MISSED " + interactionId + " " + caller);
    }

    @Override
    public UUID callbackRequested(UUID tenantId, UUID interactionId, String caller, UUID queueId, Instant at,
            Instant preferredAt) {
        workList.add("CALLBACK " + interactionId + " " + caller + (preferredAt == null ? "" : " at " + preferredAt));
        return UUID.nameUUIDFromBytes(("item-" + interactionId).getBytes());
    }

    @Override
    public void callbackAttempted(UUID tenantId, UUID itemId, boolean reached) {
        workList.add("ATTEMPT " + itemId + " " + (reached ? "reached" : "not reached"));
    }

    final List<io.linea.cc.callback.CallbackManagement.DueCallback> due = new CopyOnWriteArrayList<>();

    @Override
    public List<io.linea.cc.callback.CallbackManagement.DueCallback> claimDueCallbacks(Instant now) {
        List<io.linea.cc.callback.CallbackManagement.DueCallback> claimed = List.copyOf(due);
        due.clear();
        return claimed;
    }

    @Override
    public void voicemail(UUID tenantId, UUID interactionId, String caller, UUID queueId, Instant at, byte[] audio,
            long durationMs) {
        voicemails.put(interactionId, audio);
        workList.add("VOICEMAIL " + interactionId + " " + caller);
    }
}
