package io.linea.cc.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

import io.linea.cc.routing.Interaction.State;

/**
 * The routing engine (ACD-01 … ACD-12): queues, waiting interactions and agents' presence, all in
 * memory. Not thread-safe: its owner calls it from one thread. It never blocks and does no I/O; every
 * method returns what it decided as {@link RoutingEvent}s, which the owner acts on (ring an agent,
 * record an event, run an overflow action) and persists for recovery.
 * <p>
 * Time is always passed in, so tests drive it with any clock; {@link #tick} must be called at
 * {@link #nextDeadline()} (wrap-up ends, skills widen, sticky waits and maximum waits expire). Only
 * {@code tick} applies what is due: the other calls decide on the state as of the last tick, so a late
 * timer delays a wrap-up end or a widening but never loses it.
 *
 * <h2>Matching</h2>
 * After every call the engine offers until nothing more can be offered. A task that becomes offerable
 * (enqueued, declined, withdrawn, widened, sticky wait over) is offered by its queue's {@link Strategy}
 * among the queue's members who can take it now; a person who becomes free (login, available, wrap-up
 * over, finished, declined, offer withdrawn) looks for the best task of all their queues (highest queue
 * plus task priority, then the earliest) and that task is again given by its queue's strategy, which may
 * choose another free person. Each decision scans one queue's members, or one person's queues' waiting
 * tasks, never all queues.
 * <p>
 * A person can take an interaction when they are logged in to its queue, chose {@link Presence#AVAILABLE}
 * (not on a break or logging out, including one asked for during a call), are not in wrap-up, have
 * capacity for its medium left, meet its current skill requirements, have not declined it in the current
 * round, and the sticky rule allows it.
 * <ul>
 * <li>Capacity ({@link AgentPerson#capacity}): pending offers count. Not blended: a call (offered or
 * accepted) excludes every other medium and any other medium excludes calls; blended: each medium up to
 * its own capacity. <b>Wrap-up blocks every medium</b>: the person is doing the after-call work of one
 * interaction and is offered nothing until it ends, even with chat capacity left.</li>
 * <li>{@link Strategy#LONGEST_IDLE}: the fewest interactions in hand first (this only matters for media
 * with a capacity above one), then the earliest "idle since": the end of their last interaction or
 * wrap-up, or when they became available. {@link Strategy#LEAST_TALK_TIME}: least talk time (accepted to
 * finished) today in the engine's zone; {@link Strategy#MOST_SKILLED}: highest sum of levels over the
 * current requirements, or over all the person's skills in the queue when there are none; both break ties
 * as longest idle. {@link Strategy#ROUND_ROBIN}: the first member after the one last offered a task of
 * the queue, in login order, wrapping around. {@link Strategy#RING_ALL}: every eligible member at once.
 * Remaining ties go to the earlier login.</li>
 * <li>Declines: a person who declined a task is not offered it again while another member who could take
 * it in principle (logged in, available or busy, skilled, with the medium) has not declined it; when every
 * such member declined, the round starts over. A lone agent who declines is thus offered the task again
 * at once; the owner paces that with its ring timeout.</li>
 * <li>Sticky (ACD-07): a task whose preferred person is logged in to the queue and meets its skill
 * requirements when it is enqueued waits for them alone until {@code enqueuedAt + stickyWait}; otherwise
 * it is routed at once. The sticky wait also ends when the preferred person logs out of the queue or
 * declines it.</li>
 * </ul>
 *
 * <h2>Presence</h2>
 * Shown presence follows from the state, in this order: handling a call: {@link Presence#ON_CALL};
 * handling only other media: {@link Presence#CHATTING}; in wrap-up: {@link Presence#WRAP_UP}; then the
 * chosen {@link Presence#BREAK} or {@link Presence#LOGGED_OUT}; then {@link Presence#RINGING} with a
 * pending offer; else {@link Presence#AVAILABLE}. A {@link RoutingEvent.PresenceChanged} is emitted on
 * every change of it; its reason and {@code changedBy} are those given with the chosen break or log-out,
 * also when it shows only after the call and wrap-up. A person logged in to no queue is
 * {@link Presence#LOGGED_OUT}: leaving the last queue (or that queue being removed) logs them out.
 *
 * <h2>Recovery</h2>
 * After a restart the owner calls, in this order: {@link #configure} every queue, {@link #register} every
 * person, {@link #login} them to their queues and {@link #setPresence} those on a break, {@link #restore}
 * the interactions being handled, then {@link #enqueue} the waiting ones with their original
 * {@code enqueuedAt}, which keeps their order; then {@link #tick}.
 */
public final class RoutingEngine {

    private static final Set<Presence> CHOSEN = Set.of(Presence.AVAILABLE, Presence.BREAK, Presence.LOGGED_OUT);

    private final ZoneId zone;
    private final Map<UUID, QueueState> queues = new HashMap<>();
    private final Map<UUID, AgentSeat> seats = new HashMap<>();
    private final Map<UUID, Interaction> interactions = new HashMap<>();
    private final PriorityQueue<Deadline> deadlines = new PriorityQueue<>();
    /** What may now lead to offers; drained at the end of every call (register's are drained by the next). */
    private final Set<AgentSeat> freedSeats = new LinkedHashSet<>();
    private final Set<Interaction> offerableTasks = new LinkedHashSet<>();
    private long loginSequence;
    private long deadlineSequence;

    /** The call in progress: its time and what it decided. */
    private Instant now;
    private List<RoutingEvent> events;

    /** @param zone the zone whose midnight resets "talk time today" ({@link Strategy#LEAST_TALK_TIME}) */
    public RoutingEngine(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone);
    }

    // --- configuration --------------------------------------------------------------------------------

    /**
     * Adds or replaces a queue; waiting interactions and logged-in agents stay. Changed maximum, sticky
     * and fallback times apply to the interactions already waiting, measured from their {@code enqueuedAt}:
     * skill steps and sticky waits are recomputed at once, a maximum wait already exceeded overflows at the
     * next {@link #tick}. A queue cannot move to another tenant.
     *
     * @throws IllegalArgumentException for a negative duration, a non-positive fallback period, a negative
     *                                  maximum length or a changed tenant
     */
    public List<RoutingEvent> configure(QueueRules rules, Instant now) {
        validate(rules);
        QueueState queue = queues.get(rules.queueId());
        if (queue != null && !queue.rules.tenantId().equals(rules.tenantId())) {
            throw new IllegalArgumentException("queue " + rules.queueId() + " belongs to another tenant");
        }
        begin(now);
        if (queue == null) {
            queues.put(rules.queueId(), new QueueState(rules));
            return end();
        }
        queue.rules = rules;
        for (Interaction task : queue.held) {
            scheduleTimeout(task);
            updateStep(task);
            if (task.sticky) {
                Instant stickyUntil = task.task.enqueuedAt().plus(orZero(rules.stickyWait()));
                if (!stickyUntil.isAfter(now)) {
                    task.sticky = false;
                } else if (!stickyUntil.equals(task.stickyUntil)) {
                    task.stickyUntil = stickyUntil;
                    schedule(stickyUntil, Deadline.Kind.STICKY_END, task);
                }
            }
            if (task.state == State.WAITING) {
                offerableTasks.add(task);
            }
        }
        return end();
    }

    /** Removes a queue: its waiting interactions overflow as {@link OverflowReason#CLOSED}, its agents leave it. */
    public List<RoutingEvent> removeQueue(UUID queueId, Instant now) {
        begin(now);
        QueueState queue = queues.remove(queueId);
        if (queue == null) {
            return end();
        }
        for (Interaction task : List.copyOf(queue.held)) {
            overflow(task, OverflowReason.CLOSED);
        }
        for (Membership membership : List.copyOf(queue.members.values())) {
            AgentSeat seat = membership.seat;
            queue.members.remove(seat.id());
            seat.memberships.remove(queueId);
            logOutIfInNoQueue(seat);
            refresh(seat, null, null);
            freedSeats.add(seat);
        }
        return end();
    }

    /**
     * Adds a person or changes their agents and capacity; a new person starts {@link Presence#LOGGED_OUT}.
     * A change applies to the next offers: nothing offered or handled is taken back, and offers that a
     * larger capacity now allows come with the next call that returns events.
     *
     * @throws IllegalArgumentException when the person would lose the agent of a tenant whose queue they are
     *                                  logged in to (log them out of it first)
     */
    public void register(AgentPerson person) {
        Objects.requireNonNull(person.personId());
        for (int capacity : person.capacity().values()) {
            if (capacity < 0) {
                throw new IllegalArgumentException("capacity must not be negative");
            }
        }
        AgentSeat seat = seats.get(person.personId());
        if (seat == null) {
            seats.put(person.personId(), new AgentSeat(person));
            return;
        }
        for (Membership membership : seat.memberships.values()) {
            if (!person.agents().containsKey(membership.queue.rules.tenantId())) {
                throw new IllegalArgumentException(
                        "person is logged in to queue " + membership.queue.id() + " of a tenant they would leave");
            }
        }
        seat.person(person);
        reopenDeclinedRounds(seat);
        freedSeats.add(seat);
    }

    // --- agents -----------------------------------------------------------------------------------------

    /**
     * Logs a person in to a queue with their skill levels there (ACD-03, ACD-11). The person needs an
     * agent in the queue's tenant; a person logged out of everything becomes {@link Presence#AVAILABLE}.
     * Logging in again to the same queue replaces the skill levels and keeps the place in login order;
     * a person on a break stays on it.
     *
     * @throws IllegalArgumentException for an unknown person or queue, no agent in the queue's tenant, or a
     *                                  skill level outside 1 … 5
     */
    public List<RoutingEvent> login(UUID personId, UUID queueId, Map<UUID, Integer> skillLevels, Instant now) {
        AgentSeat seat = seat(personId);
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            throw new IllegalArgumentException("unknown queue " + queueId);
        }
        if (!seat.person().agents().containsKey(queue.rules.tenantId())) {
            throw new IllegalArgumentException("person " + personId + " has no agent in the queue's tenant");
        }
        for (int level : skillLevels.values()) {
            if (level < SkillRequirement.MIN_LEVEL || level > SkillRequirement.MAX_LEVEL) {
                throw new IllegalArgumentException("skill level must be 1 … 5");
            }
        }
        begin(now);
        Membership membership = queue.members.get(personId);
        if (membership == null) {
            membership = new Membership(seat, queue, ++loginSequence, Map.copyOf(skillLevels));
            queue.members.put(personId, membership);
            seat.memberships.put(queueId, membership);
        } else {
            membership.skills = Map.copyOf(skillLevels);
            reopenDeclinedRounds(queue);
        }
        if (seat.chosen == Presence.LOGGED_OUT) {
            choose(seat, Presence.AVAILABLE, null, null);
        }
        refresh(seat, null, null);
        freedSeats.add(seat);
        return end();
    }

    /**
     * Logs a person out of one queue, at once even during a call; offers from it are withdrawn. Leaving
     * the last queue logs the person out ({@link Presence#LOGGED_OUT} once idle); the last agent leaving a
     * queue that overflows without agents overflows its waiting interactions. Not logged in: no events.
     */
    public List<RoutingEvent> logout(UUID personId, UUID queueId, Instant now) {
        AgentSeat seat = seat(personId);
        begin(now);
        Membership membership = seat.memberships.get(queueId);
        if (membership == null) {
            return end();
        }
        leave(membership);
        logOutIfInNoQueue(seat);
        refresh(seat, null, null);
        freedSeats.add(seat);
        return end();
    }

    /**
     * Sets a person's chosen state, by themselves or forced by a supervisor ({@code changedBy}):
     * {@link Presence#AVAILABLE}, {@link Presence#BREAK} (with a reason code) or {@link Presence#LOGGED_OUT}
     * (out of every queue). For a break or log-out, pending offers are withdrawn and no new ones are made;
     * asked for during an interaction or wrap-up, it shows (and a log-out leaves the queues) when they end.
     * {@link Presence#AVAILABLE} cancels such a pending break or log-out but does not end a wrap-up (see
     * {@link #ready}). A new reason during a break is reported as a change from break to break.
     *
     * @throws IllegalArgumentException for any other target state, or an unknown person
     * @throws IllegalStateException    for {@link Presence#AVAILABLE} or {@link Presence#BREAK} while logged in
     *                                  to no queue (log in first)
     */
    public List<RoutingEvent> setPresence(UUID personId, Presence target, String reason, UUID changedBy,
            Instant now) {
        AgentSeat seat = seat(personId);
        if (!CHOSEN.contains(target)) {
            throw new IllegalArgumentException(target + " follows from interactions and cannot be chosen");
        }
        if (target != Presence.LOGGED_OUT && seat.memberships.isEmpty()) {
            throw new IllegalStateException("person " + personId + " is logged in to no queue");
        }
        begin(now);
        if (target == Presence.AVAILABLE) {
            choose(seat, Presence.AVAILABLE, null, changedBy);
            refresh(seat, reason, changedBy);
            freedSeats.add(seat);
            return end();
        }
        boolean newBreakReason = seat.visible == Presence.BREAK && target == Presence.BREAK
                && !Objects.equals(seat.reason, reason);
        choose(seat, target, reason, changedBy);
        for (Interaction offered : List.copyOf(seat.offers)) {
            withdraw(offered, seat);
        }
        reopenDeclinedRounds(seat);
        settle(seat);
        Presence before = seat.visible;
        refresh(seat, null, null);
        if (newBreakReason && before == Presence.BREAK && seat.visible == Presence.BREAK) {
            emit(new RoutingEvent.PresenceChanged(personId, Presence.BREAK, Presence.BREAK, reason, changedBy, now));
        }
        return end();
    }

    /** Ends a person's wrap-up before its time (the agent is ready); not in wrap-up: no events. */
    public List<RoutingEvent> ready(UUID personId, Instant now) {
        AgentSeat seat = seat(personId);
        begin(now);
        if (seat.wrapUpUntil != null) {
            endWrapUp(seat, now);
        }
        return end();
    }

    // --- interactions -----------------------------------------------------------------------------------

    /**
     * Puts an interaction in its queue and offers it at once if an agent can take it. It overflows at once,
     * and is not kept, when the queue already holds {@code maxLength} interactions not yet accepted
     * (waiting or ringing: {@link OverflowReason#QUEUE_FULL}), when nobody is logged in to a queue that
     * overflows without agents ({@link OverflowReason#NO_AGENTS}), or when a re-enqueued interaction has
     * already waited the maximum ({@link OverflowReason#TIMEOUT}). Skill widening is computed from
     * {@code enqueuedAt}, so a re-enqueued interaction resumes at its step.
     *
     * @throws IllegalArgumentException for an unknown queue, a tenant other than the queue's, or an id the
     *                                  engine already holds
     */
    public List<RoutingEvent> enqueue(RoutingTask task, Instant now) {
        QueueState queue = queues.get(task.queueId());
        if (queue == null) {
            throw new IllegalArgumentException("unknown queue " + task.queueId());
        }
        if (!queue.rules.tenantId().equals(task.tenantId())) {
            throw new IllegalArgumentException("task of tenant " + task.tenantId() + " in a queue of another");
        }
        if (interactions.containsKey(task.id())) {
            throw new IllegalArgumentException("task " + task.id() + " is already in the engine");
        }
        begin(now);
        QueueRules rules = queue.rules;
        OverflowReason refused = null;
        if (rules.maxLength() > 0 && queue.held.size() >= rules.maxLength()) {
            refused = OverflowReason.QUEUE_FULL;
        } else if (rules.overflowWhenNoAgents() && queue.members.isEmpty()) {
            refused = OverflowReason.NO_AGENTS;
        } else if (rules.maxWait() != null && !task.enqueuedAt().plus(rules.maxWait()).isAfter(now)) {
            refused = OverflowReason.TIMEOUT;
        }
        if (refused != null) {
            emit(new RoutingEvent.Overflowed(task.id(), task.tenantId(), task.queueId(), refused, now));
            return end();
        }
        Interaction interaction = new Interaction(task, queue, State.WAITING);
        interactions.put(task.id(), interaction);
        queue.waiting.add(interaction);
        queue.held.add(interaction);
        scheduleTimeout(interaction);
        updateStep(interaction);
        Membership preferred = task.preferredPerson() == null ? null : queue.members.get(task.preferredPerson());
        Instant stickyUntil = task.enqueuedAt().plus(orZero(rules.stickyWait()));
        if (preferred != null && stickyUntil.isAfter(now) && preferred.meets(interaction.requirements)) {
            interaction.sticky = true;
            interaction.stickyUntil = stickyUntil;
            schedule(stickyUntil, Deadline.Kind.STICKY_END, interaction);
        }
        offerableTasks.add(interaction);
        return end();
    }

    /**
     * Restores, after a restart, an interaction a person is already handling (answered at {@code since}):
     * no offer is made, the person's capacity is taken and they show as on a call or chatting, without an
     * event. Its queue need not be configured; if it is not when the interaction finishes, no wrap-up follows.
     *
     * @throws IllegalArgumentException for an unknown person, no agent in the task's tenant, or an id the
     *                                  engine already holds
     */
    public void restore(RoutingTask task, UUID personId, Instant since) {
        AgentSeat seat = seat(personId);
        if (!seat.person().agents().containsKey(task.tenantId())) {
            throw new IllegalArgumentException("person " + personId + " has no agent in the task's tenant");
        }
        if (interactions.containsKey(task.id())) {
            throw new IllegalArgumentException("task " + task.id() + " is already in the engine");
        }
        Interaction interaction = new Interaction(task, queues.get(task.queueId()), State.ACCEPTED);
        interaction.handler = seat;
        interaction.acceptedAt = since;
        interactions.put(task.id(), interaction);
        seat.take(task.medium());
        seat.startHandling(interaction);
        seat.visible = seat.derive();
    }

    /**
     * Takes a waiting or offered interaction out: the caller left, or it was routed elsewhere. Its offers
     * are withdrawn. Unknown (or already gone) ids: no events.
     *
     * @throws IllegalStateException for an accepted interaction: the owner calls {@link #finished} for it
     */
    public List<RoutingEvent> cancel(UUID taskId, Instant now) {
        Interaction task = interactions.get(taskId);
        if (task != null && task.state == State.ACCEPTED) {
            throw new IllegalStateException("task " + taskId + " was accepted: it is finished, not cancelled");
        }
        begin(now);
        if (task != null) {
            remove(task);
        }
        return end();
    }

    /**
     * The person accepted (answered) the offer; any other offers of the interaction are withdrawn.
     *
     * @throws IllegalStateException when the interaction is not offered to this person (any more)
     */
    public List<RoutingEvent> accepted(UUID taskId, UUID personId, Instant now) {
        Interaction task = interactions.get(taskId);
        AgentSeat seat = seats.get(personId);
        if (task == null || seat == null || task.state != State.OFFERED || !task.offeredTo.contains(seat)) {
            throw new IllegalStateException("task " + taskId + " is not offered to person " + personId);
        }
        begin(now);
        task.state = State.ACCEPTED;
        task.queue.held.remove(task);
        task.offeredTo.remove(seat);
        seat.offers.remove(task);
        seat.startHandling(task);
        task.handler = seat;
        task.acceptedAt = now;
        refresh(seat, null, null);
        for (AgentSeat other : List.copyOf(task.offeredTo)) {
            withdraw(task, other);
        }
        return end();
    }

    /**
     * The person rejected the offer or let it ring out: the interaction keeps its place and is offered to
     * another agent; this person is tried again only after every other eligible agent. A decline of an offer
     * that no longer stands (withdrawn meanwhile) has no events. In a ring-all queue the other offers keep
     * ringing.
     */
    public List<RoutingEvent> declined(UUID taskId, UUID personId, Instant now) {
        Interaction task = interactions.get(taskId);
        AgentSeat seat = seats.get(personId);
        begin(now);
        if (task == null || seat == null || task.state != State.OFFERED || !task.offeredTo.contains(seat)) {
            return end();
        }
        task.decliners.add(personId);
        if (task.sticky && personId.equals(task.task.preferredPerson())) {
            task.sticky = false;
        }
        dropOffer(task, seat);
        return end();
    }

    /**
     * The accepted interaction ended; the person goes to wrap-up for the queue's wrap-up time (ACD-06), or
     * is free at once when it is zero. Talk time (for {@link Strategy#LEAST_TALK_TIME}) counts from the
     * acceptance, only its part since the last midnight. Unknown ids: no events.
     *
     * @throws IllegalStateException for an interaction not accepted: the owner calls {@link #cancel} for it
     */
    public List<RoutingEvent> finished(UUID taskId, Instant now) {
        Interaction task = interactions.get(taskId);
        if (task != null && task.state != State.ACCEPTED) {
            throw new IllegalStateException("task " + taskId + " was not accepted: it is cancelled, not finished");
        }
        begin(now);
        if (task == null) {
            return end();
        }
        AgentSeat seat = task.handler;
        task.state = State.GONE;
        interactions.remove(taskId);
        handedOver(task, seat, now);
        return end();
    }

    /**
     * AGT-03: the accepted interaction was transferred to another person, who handles it from now on; the
     * person who had it goes to wrap-up as after {@link #finished}. Unknown ids: no events.
     *
     * @throws IllegalStateException for an interaction not accepted, or a person the router does not know
     */
    public List<RoutingEvent> transferred(UUID taskId, UUID toPersonId, Instant now) {
        Interaction task = interactions.get(taskId);
        if (task == null) {
            begin(now);
            return end();
        }
        AgentSeat to = seats.get(toPersonId);
        if (task.state != State.ACCEPTED || to == null) {
            throw new IllegalStateException("task " + taskId + " cannot be transferred to person " + toPersonId);
        }
        begin(now);
        AgentSeat from = task.handler;
        if (from == to) {
            return end();
        }
        handedOver(task, from, now);
        to.take(task.task.medium());
        to.startHandling(task);
        task.handler = to;
        task.acceptedAt = now;
        refresh(to, null, null);
        return end();
    }

    /** The seat stops handling the task: its talk time counts, and it goes to wrap-up (ACD-06). */
    private void handedOver(Interaction task, AgentSeat seat, Instant now) {
        seat.stopHandling(task);
        seat.release(task.task.medium());
        addTalkTime(seat, task.acceptedAt, now);
        QueueState queue = queues.get(task.task.queueId());
        Duration wrapUp = queue == null ? Duration.ZERO : orZero(queue.rules.wrapUp());
        if (wrapUp.isPositive()) {
            Instant until = now.plus(wrapUp);
            if (seat.wrapUpUntil == null || until.isAfter(seat.wrapUpUntil)) {
                seat.wrapUpUntil = until;
                schedule(until, Deadline.Kind.WRAP_UP_END, seat);
            }
        } else {
            seat.idleSince = now;
        }
        settle(seat);
        refresh(seat, null, null);
        freedSeats.add(seat);
    }

    /** Applies everything due by {@code now}: wrap-ups end, skills widen, sticky and maximum waits expire. */
    public List<RoutingEvent> tick(Instant now) {
        begin(now);
        while (!deadlines.isEmpty() && !deadlines.peek().at().isAfter(now)) {
            Deadline due = deadlines.poll();
            if (!due.stillDue()) {
                continue;
            }
            switch (due.kind()) {
                case WRAP_UP_END -> endWrapUp((AgentSeat) due.target(), due.at());
                case STICKY_END -> {
                    Interaction task = (Interaction) due.target();
                    task.sticky = false;
                    offerableIfWaiting(task);
                }
                case SKILL_STEP -> {
                    Interaction task = (Interaction) due.target();
                    updateStep(task);
                    offerableIfWaiting(task);
                }
                case MAX_WAIT -> overflow((Interaction) due.target(), OverflowReason.TIMEOUT);
            }
        }
        return end();
    }

    // --- queries ----------------------------------------------------------------------------------------

    /** When {@link #tick} is next needed, if anything is pending; may lie in the past (tick at once). */
    public Optional<Instant> nextDeadline() {
        while (!deadlines.isEmpty() && !deadlines.peek().stillDue()) {
            deadlines.poll();
        }
        return deadlines.isEmpty() ? Optional.empty() : Optional.of(deadlines.peek().at());
    }

    /** The person's shown presence; {@link Presence#LOGGED_OUT} for a person the engine does not know. */
    public Presence presence(UUID personId) {
        AgentSeat seat = seats.get(personId);
        return seat == null ? Presence.LOGGED_OUT : seat.visible;
    }

    /** When the person's wrap-up ends (ACD-06), while they are in one. */
    public Optional<Instant> wrapUpUntil(UUID personId) {
        AgentSeat seat = seats.get(personId);
        return Optional.ofNullable(seat == null ? null : seat.wrapUpUntil);
    }

    /** 1-based position among the waiting interactions of its queue, in offer order; 0 when not waiting. */
    public int position(UUID taskId) {
        Interaction task = interactions.get(taskId);
        if (task == null || task.state != State.WAITING) {
            return 0;
        }
        int position = 1;
        for (Interaction ahead : task.queue.waiting) {
            if (ahead == task) {
                return position;
            }
            position++;
        }
        throw new IllegalStateException("waiting task missing from its queue");
    }

    /**
     * The waiting interactions of a queue, in the order they will be offered; ringing ones are no longer
     * waiting. Unknown queue: empty.
     */
    public List<UUID> waiting(UUID queueId) {
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>(queue.waiting.size());
        for (Interaction task : queue.waiting) {
            ids.add(task.id());
        }
        return ids;
    }

    /**
     * A queue's live state. {@code waiting}: not yet offered; {@code loggedIn}: members, on a break or not;
     * {@code available}: members shown {@link Presence#AVAILABLE}; {@code busy}: members ringing, on a call,
     * chatting or in wrap-up (members on a break or logging out count in neither); {@code longestWait}: of
     * the interactions not yet accepted, ringing ones included, since their {@code enqueuedAt}.
     *
     * @throws IllegalArgumentException for an unknown queue
     */
    public QueueSnapshot snapshot(UUID queueId, Instant now) {
        QueueState queue = queues.get(queueId);
        if (queue == null) {
            throw new IllegalArgumentException("unknown queue " + queueId);
        }
        int available = 0;
        int busy = 0;
        for (Membership membership : queue.members.values()) {
            switch (membership.seat.visible) {
                case AVAILABLE -> available++;
                case RINGING, ON_CALL, CHATTING, WRAP_UP -> busy++;
                default -> {
                }
            }
        }
        Instant earliest = null;
        for (Interaction task : queue.held) {
            if (earliest == null || task.task.enqueuedAt().isBefore(earliest)) {
                earliest = task.task.enqueuedAt();
            }
        }
        Duration longest = earliest == null || earliest.isAfter(now) ? Duration.ZERO : Duration.between(earliest, now);
        return new QueueSnapshot(queueId, queue.waiting.size(), queue.members.size(), available, busy, longest);
    }

    ZoneId zone() {
        return zone;
    }

    // --- matching ---------------------------------------------------------------------------------------

    /**
     * Offers until nothing more can be offered. Freed persons go first, each taking the best task of their
     * queues by that task's queue strategy; then the tasks that became offerable, highest priority first.
     * An offer never frees anyone or makes a task offerable, so one pass of each is enough.
     */
    private void drain() {
        while (!freedSeats.isEmpty() || !offerableTasks.isEmpty()) {
            while (!freedSeats.isEmpty()) {
                Iterator<AgentSeat> first = freedSeats.iterator();
                AgentSeat seat = first.next();
                first.remove();
                serve(seat);
            }
            if (offerableTasks.isEmpty()) {
                return;
            }
            List<Interaction> tasks = new ArrayList<>(offerableTasks);
            offerableTasks.clear();
            tasks.removeIf(task -> task.state != State.WAITING);
            tasks.sort(Interaction.CROSS_QUEUE_ORDER);
            for (Interaction task : tasks) {
                if (task.state == State.WAITING) {
                    place(task);
                }
            }
        }
    }

    /** Finds work for a person who may have become free; every round of the loop makes an offer. */
    private void serve(AgentSeat seat) {
        while (seat.open()) {
            Interaction best = bestTaskFor(seat);
            if (best == null || !place(best)) {
                return;
            }
        }
    }

    /** The first task of each of the person's queues they could take now; the best of those across queues. */
    private Interaction bestTaskFor(AgentSeat seat) {
        Interaction best = null;
        for (Membership membership : seat.memberships.values()) {
            for (Interaction task : membership.queue.waiting) {
                if (seat.canTake(task.task.medium()) && !task.decliners.contains(seat.id())
                        && (!task.sticky || seat.id().equals(task.task.preferredPerson()))
                        && membership.meets(task.requirements)) {
                    if (best == null || Interaction.CROSS_QUEUE_ORDER.compare(task, best) < 0) {
                        best = task;
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** Offers a waiting task by its queue's strategy; false when nobody can take it now. */
    private boolean place(Interaction task) {
        QueueState queue = task.queue;
        Medium medium = task.task.medium();
        if (task.sticky) {
            Membership preferred = queue.members.get(task.task.preferredPerson());
            if (preferred != null && preferred.seat.canTake(medium) && preferred.meets(task.requirements)) {
                offer(task, preferred);
                return true;
            }
            return false;
        }
        Strategy strategy = queue.rules.strategy();
        LocalDate today = strategy == Strategy.LEAST_TALK_TIME ? LocalDate.ofInstant(now, zone) : null;
        boolean ringAll = strategy == Strategy.RING_ALL;
        List<Membership> all = ringAll ? new ArrayList<>() : null;
        List<Membership> allDeclined = ringAll ? new ArrayList<>() : null;
        Membership best = null;
        Membership bestDeclined = null;
        boolean undeclinedLeft = false;
        boolean rounds = !task.decliners.isEmpty();
        for (Membership member : queue.members.values()) {
            AgentSeat seat = member.seat;
            // without declines only free members matter: the cheap capacity test first
            if (!rounds && !seat.canTake(medium)) {
                continue;
            }
            if (seat.chosen != Presence.AVAILABLE || !seat.hasMedium(medium) || !member.meets(task.requirements)) {
                continue;
            }
            boolean declined = rounds && task.decliners.contains(seat.id());
            undeclinedLeft |= !declined;
            if (!seat.canTake(medium)) {
                continue;
            }
            if (ringAll) {
                (declined ? allDeclined : all).add(member);
            } else if (declined) {
                bestDeclined = better(strategy, task, queue, today, member, bestDeclined);
            } else {
                best = better(strategy, task, queue, today, member, best);
            }
        }
        if (rounds && !undeclinedLeft) {
            // every member who could take it declined: a new round, in which they all count again
            task.decliners.clear();
            if (ringAll) {
                all.addAll(allDeclined);
            } else {
                best = bestDeclined;
            }
        }
        if (ringAll) {
            for (Membership member : all) {
                offer(task, member);
            }
            return !all.isEmpty();
        }
        if (best == null) {
            return false;
        }
        offer(task, best);
        return true;
    }

    /** The better of a candidate and the best so far, by the queue's strategy; ties keep the earlier login. */
    private Membership better(Strategy strategy, Interaction task, QueueState queue, LocalDate today,
            Membership candidate, Membership best) {
        if (best == null) {
            return candidate;
        }
        int order = switch (strategy) {
            case LEAST_TALK_TIME -> {
                int byTalk = Long.compare(candidate.seat.talkMillis(today), best.seat.talkMillis(today));
                yield byTalk != 0 ? byTalk : byIdle(candidate.seat, best.seat);
            }
            case MOST_SKILLED -> {
                int bySkill = Integer.compare(best.skillSum(task.requirements), candidate.skillSum(task.requirements));
                yield bySkill != 0 ? bySkill : byIdle(candidate.seat, best.seat);
            }
            case ROUND_ROBIN -> Long.compare(roundRobinRank(candidate, queue), roundRobinRank(best, queue));
            case LONGEST_IDLE, RING_ALL -> byIdle(candidate.seat, best.seat);
        };
        return order < 0 ? candidate : best;
    }

    private static int byIdle(AgentSeat a, AgentSeat b) {
        int byLoad = Integer.compare(a.totalLoad(), b.totalLoad());
        return byLoad != 0 ? byLoad : a.idleSince.compareTo(b.idleSince);
    }

    /** Members after the last one offered come first, in login order, then the ones before (wrapping). */
    private static long roundRobinRank(Membership member, QueueState queue) {
        return member.sequence > queue.lastOffered ? member.sequence : Long.MAX_VALUE / 2 + member.sequence;
    }

    private void offer(Interaction task, Membership member) {
        AgentSeat seat = member.seat;
        if (task.state == State.WAITING) {
            task.queue.waiting.remove(task);
            task.state = State.OFFERED;
        }
        task.offeredTo.add(seat);
        seat.offers.add(task);
        seat.take(task.task.medium());
        task.queue.lastOffered = member.sequence;
        RoutingTask t = task.task;
        emit(new RoutingEvent.Offered(t.id(), t.tenantId(), t.queueId(), t.medium(), seat.id(),
                seat.person().agents().get(t.tenantId()), t.callback(), now));
        refresh(seat, null, null);
    }

    // --- state changes ----------------------------------------------------------------------------------

    private void withdraw(Interaction task, AgentSeat seat) {
        emit(new RoutingEvent.OfferWithdrawn(task.id(), seat.id(), now));
        dropOffer(task, seat);
    }

    /** Takes one offer back; a task left with no offer waits again in its place. */
    private void dropOffer(Interaction task, AgentSeat seat) {
        task.offeredTo.remove(seat);
        seat.offers.remove(task);
        seat.release(task.task.medium());
        refresh(seat, null, null);
        freedSeats.add(seat);
        if (task.state == State.OFFERED && task.offeredTo.isEmpty()) {
            task.state = State.WAITING;
            task.queue.waiting.add(task);
            offerableTasks.add(task);
        }
    }

    /** Takes a waiting or offered task out of the engine, withdrawing its offers first. */
    private void remove(Interaction task) {
        if (task.state == State.WAITING) {
            task.queue.waiting.remove(task);
        }
        task.state = State.GONE;
        for (AgentSeat seat : List.copyOf(task.offeredTo)) {
            withdraw(task, seat);
        }
        task.queue.held.remove(task);
        interactions.remove(task.id());
        offerableTasks.remove(task);
    }

    private void overflow(Interaction task, OverflowReason reason) {
        remove(task);
        RoutingTask t = task.task;
        emit(new RoutingEvent.Overflowed(t.id(), t.tenantId(), t.queueId(), reason, now));
    }

    /** Leaves one queue: its offers to the person are withdrawn and whatever waited for them is routed anew. */
    private void leave(Membership membership) {
        QueueState queue = membership.queue;
        AgentSeat seat = membership.seat;
        for (Interaction offered : List.copyOf(seat.offers)) {
            if (offered.queue == queue) {
                withdraw(offered, seat);
            }
        }
        queue.members.remove(seat.id());
        seat.memberships.remove(queue.id());
        for (Interaction task : queue.waiting) {
            if (task.sticky && seat.id().equals(task.task.preferredPerson())) {
                task.sticky = false;
                offerableTasks.add(task);
            }
        }
        reopenDeclinedRounds(queue);
        if (queue.members.isEmpty() && queue.rules.overflowWhenNoAgents()) {
            for (Interaction task : List.copyOf(queue.held)) {
                overflow(task, OverflowReason.NO_AGENTS);
            }
        }
    }

    /** A chosen log-out takes the person out of their queues once they are idle. */
    private void settle(AgentSeat seat) {
        if (seat.idle() && seat.chosen == Presence.LOGGED_OUT) {
            for (Membership membership : List.copyOf(seat.memberships.values())) {
                leave(membership);
            }
        }
    }

    private void logOutIfInNoQueue(AgentSeat seat) {
        if (seat.memberships.isEmpty() && seat.chosen != Presence.LOGGED_OUT) {
            choose(seat, Presence.LOGGED_OUT, null, null);
        }
    }

    private void choose(AgentSeat seat, Presence chosen, String reason, UUID changedBy) {
        if (chosen == Presence.AVAILABLE && seat.chosen != Presence.AVAILABLE) {
            seat.idleSince = now;
        }
        seat.chosen = chosen;
        seat.reason = reason;
        seat.chosenBy = changedBy;
    }

    private void endWrapUp(AgentSeat seat, Instant endedAt) {
        seat.wrapUpUntil = null;
        seat.idleSince = endedAt;
        settle(seat);
        refresh(seat, null, null);
        freedSeats.add(seat);
    }

    /**
     * When someone stops counting as a possible taker, tasks that others declined may have run out of
     * candidates, and their round must start over; they are looked at again.
     */
    private void reopenDeclinedRounds(AgentSeat seat) {
        for (Membership membership : seat.memberships.values()) {
            reopenDeclinedRounds(membership.queue);
        }
    }

    private void reopenDeclinedRounds(QueueState queue) {
        for (Interaction task : queue.waiting) {
            if (!task.decliners.isEmpty()) {
                offerableTasks.add(task);
            }
        }
    }

    private void offerableIfWaiting(Interaction task) {
        if (task.state == State.WAITING) {
            offerableTasks.add(task);
        }
    }

    /** Reports a change of the shown presence; reason and author of a chosen break or log-out travel with it. */
    private void refresh(AgentSeat seat, String reason, UUID changedBy) {
        Presence shown = seat.derive();
        if (shown == seat.visible) {
            return;
        }
        boolean chosenState = shown == Presence.BREAK || shown == Presence.LOGGED_OUT;
        emit(new RoutingEvent.PresenceChanged(seat.id(), seat.visible, shown, chosenState ? seat.reason : reason,
                chosenState ? seat.chosenBy : changedBy, now));
        seat.visible = shown;
    }

    private void addTalkTime(AgentSeat seat, Instant acceptedAt, Instant finishedAt) {
        LocalDate today = LocalDate.ofInstant(finishedAt, zone);
        Instant midnight = today.atStartOfDay(zone).toInstant();
        Instant from = acceptedAt.isBefore(midnight) ? midnight : acceptedAt;
        if (!today.equals(seat.talkDay)) {
            seat.talkDay = today;
            seat.talkMillis = 0;
        }
        if (finishedAt.isAfter(from)) {
            seat.talkMillis += Duration.between(from, finishedAt).toMillis();
        }
    }

    // --- deadlines --------------------------------------------------------------------------------------

    private void scheduleTimeout(Interaction task) {
        Duration maxWait = task.queue.rules.maxWait();
        Instant timeoutAt = maxWait == null ? null : task.task.enqueuedAt().plus(maxWait);
        if (timeoutAt != null && !timeoutAt.equals(task.timeoutAt)) {
            schedule(timeoutAt, Deadline.Kind.MAX_WAIT, task);
        }
        task.timeoutAt = timeoutAt;
    }

    /** Sets the skill step the task's wait has reached by now (ACD-03) and schedules the next one. */
    private void updateStep(Interaction task) {
        Duration period = task.queue.rules.skillFallbackAfter();
        int step = 0;
        if (period != null) {
            long waited = Math.max(0, Duration.between(task.task.enqueuedAt(), now).toMillis());
            step = (int) Math.min(task.lastStep(), waited / period.toMillis());
        }
        if (step != task.step) {
            task.step = step;
            task.requirements = Interaction.widened(task.task.skills(), step);
        }
        Instant nextStepAt = period == null || step >= task.lastStep() ? null
                : task.task.enqueuedAt().plus(period.multipliedBy(step + 1L));
        if (nextStepAt != null && !nextStepAt.equals(task.nextStepAt)) {
            schedule(nextStepAt, Deadline.Kind.SKILL_STEP, task);
        }
        task.nextStepAt = nextStepAt;
    }

    private void schedule(Instant at, Deadline.Kind kind, Object target) {
        deadlines.add(new Deadline(at, ++deadlineSequence, kind, target));
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private AgentSeat seat(UUID personId) {
        AgentSeat seat = seats.get(personId);
        if (seat == null) {
            throw new IllegalArgumentException("unknown person " + personId);
        }
        return seat;
    }

    private void begin(Instant now) {
        this.now = Objects.requireNonNull(now);
        this.events = new ArrayList<>();
    }

    private List<RoutingEvent> end() {
        drain();
        List<RoutingEvent> decided = events;
        events = null;
        return decided;
    }

    private void emit(RoutingEvent event) {
        events.add(event);
    }

    private static Duration orZero(Duration duration) {
        return duration == null ? Duration.ZERO : duration;
    }

    private static void validate(QueueRules rules) {
        Objects.requireNonNull(rules.queueId(), "queueId");
        Objects.requireNonNull(rules.tenantId(), "tenantId");
        Objects.requireNonNull(rules.strategy(), "strategy");
        for (Duration duration : new Duration[] { rules.wrapUp(), rules.ringTimeout(), rules.maxWait(),
                rules.stickyWait() }) {
            if (duration != null && duration.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative");
            }
        }
        if (rules.skillFallbackAfter() != null && !rules.skillFallbackAfter().isPositive()) {
            throw new IllegalArgumentException("skill fallback period must be positive");
        }
        if (rules.maxLength() < 0) {
            throw new IllegalArgumentException("maximum length must not be negative");
        }
    }
}
