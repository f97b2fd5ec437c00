package io.linea.cc.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The routing engine (ACD-01 … ACD-12): queues, waiting interactions and agents' presence, all in
 * memory. Not thread-safe: its owner calls it from one thread. It never blocks and does no I/O; every
 * method returns what it decided as {@link RoutingEvent}s, which the owner acts on (ring an agent,
 * record an event, run an overflow action) and persists for recovery.
 * <p>
 * Time is always passed in, so tests drive it with any clock; {@link #tick} must be called at
 * {@link #nextDeadline()} (wrap-up ends, skills widen, sticky waits and maximum waits expire).
 */
public final class RoutingEngine {

    private final ZoneId zone;

    /** @param zone the zone whose midnight resets "talk time today" ({@link Strategy#LEAST_TALK_TIME}) */
    public RoutingEngine(ZoneId zone) {
        this.zone = zone;
    }

    // --- configuration --------------------------------------------------------------------------------

    /** Adds or replaces a queue; waiting interactions and logged-in agents stay. */
    public List<RoutingEvent> configure(QueueRules rules, Instant now) {
        throw new UnsupportedOperationException();
    }

    /** Removes a queue: its waiting interactions overflow as {@link OverflowReason#CLOSED}, its agents leave it. */
    public List<RoutingEvent> removeQueue(UUID queueId, Instant now) {
        throw new UnsupportedOperationException();
    }

    /** Adds a person or changes their agents and capacity; a new person starts {@link Presence#LOGGED_OUT}. */
    public void register(AgentPerson person) {
        throw new UnsupportedOperationException();
    }

    // --- agents -----------------------------------------------------------------------------------------

    /**
     * Logs a person in to a queue with their skill levels there (ACD-03, ACD-11). The person needs an
     * agent in the queue's tenant; a person logged out of everything becomes {@link Presence#AVAILABLE}.
     */
    public List<RoutingEvent> login(UUID personId, UUID queueId, Map<UUID, Integer> skillLevels, Instant now) {
        throw new UnsupportedOperationException();
    }

    /** Logs a person out of one queue; offers from it are withdrawn. */
    public List<RoutingEvent> logout(UUID personId, UUID queueId, Instant now) {
        throw new UnsupportedOperationException();
    }

    /**
     * Sets a person's chosen state, by themselves or forced by a supervisor ({@code changedBy}):
     * {@link Presence#AVAILABLE}, {@link Presence#BREAK} (with a reason code) or {@link Presence#LOGGED_OUT}
     * (out of every queue). Pending offers are withdrawn; a break or log-out asked for during an
     * interaction takes effect when it and its wrap-up end.
     *
     * @throws IllegalArgumentException for any other target state
     */
    public List<RoutingEvent> setPresence(UUID personId, Presence target, String reason, UUID changedBy,
            Instant now) {
        throw new UnsupportedOperationException();
    }

    /** Ends a person's wrap-up before its time (the agent is ready). */
    public List<RoutingEvent> ready(UUID personId, Instant now) {
        throw new UnsupportedOperationException();
    }

    // --- interactions -----------------------------------------------------------------------------------

    /** Puts an interaction in its queue and offers it at once if an agent can take it. */
    public List<RoutingEvent> enqueue(RoutingTask task, Instant now) {
        throw new UnsupportedOperationException();
    }

    /**
     * Restores, after a restart, an interaction a person is already handling (answered at {@code since}):
     * no offer is made, the person's capacity is taken.
     */
    public void restore(RoutingTask task, UUID personId, Instant since) {
        throw new UnsupportedOperationException();
    }

    /** Takes an interaction out: the caller left, or it was routed elsewhere. Its offers are withdrawn. */
    public List<RoutingEvent> cancel(UUID taskId, Instant now) {
        throw new UnsupportedOperationException();
    }

    /** The person accepted (answered) the offer; any other offers of the interaction are withdrawn. */
    public List<RoutingEvent> accepted(UUID taskId, UUID personId, Instant now) {
        throw new UnsupportedOperationException();
    }

    /**
     * The person rejected the offer or let it ring out: the interaction keeps its place and is offered to
     * another agent; this person is tried again only after every other eligible agent.
     */
    public List<RoutingEvent> declined(UUID taskId, UUID personId, Instant now) {
        throw new UnsupportedOperationException();
    }

    /** The accepted interaction ended; the person goes to wrap-up for the queue's wrap-up time (ACD-06). */
    public List<RoutingEvent> finished(UUID taskId, Instant now) {
        throw new UnsupportedOperationException();
    }

    /** Applies everything due by {@code now}: wrap-ups end, skills widen, sticky and maximum waits expire. */
    public List<RoutingEvent> tick(Instant now) {
        throw new UnsupportedOperationException();
    }

    // --- queries ----------------------------------------------------------------------------------------

    /** When {@link #tick} is next needed, if anything is pending. */
    public Optional<Instant> nextDeadline() {
        throw new UnsupportedOperationException();
    }

    public Presence presence(UUID personId) {
        throw new UnsupportedOperationException();
    }

    /** 1-based position among the waiting interactions of its queue, in offer order; 0 when not waiting. */
    public int position(UUID taskId) {
        throw new UnsupportedOperationException();
    }

    /** The waiting interactions of a queue, in the order they will be offered. */
    public List<UUID> waiting(UUID queueId) {
        throw new UnsupportedOperationException();
    }

    public QueueSnapshot snapshot(UUID queueId, Instant now) {
        throw new UnsupportedOperationException();
    }

    ZoneId zone() {
        return zone;
    }
}
