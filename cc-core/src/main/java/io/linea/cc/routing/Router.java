package io.linea.cc.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.linea.cc.provisioning.AgentChanged;
import io.linea.cc.routing.RoutingEvent.OfferWithdrawn;
import io.linea.cc.routing.RoutingEvent.Offered;
import io.linea.cc.routing.RoutingEvent.Overflowed;
import io.linea.cc.routing.RoutingEvent.PresenceChanged;
import io.linea.platform.problem.LineaProblemException;

/**
 * The owner of the {@link RoutingEngine} (ACD-01 … ACD-12): one thread runs the engine, so its state
 * needs no locks and a decision never waits on the network or the database. Persistence is written
 * through on a second thread, in order: waiting and handled interactions, queue log-ins and the
 * presence people chose. After a restart, configuration, log-ins and presence are reloaded here;
 * interactions are restored by their medium's owner, which first checks they still exist (a caller
 * may have hung up meanwhile).
 */
@Service
public class Router implements SmartInitializingSingleton, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final RoutingStore store;
    private final Clock clock;
    private final RoutingEngine engine = new RoutingEngine(ZoneId.of("UTC"));

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> daemon(r, "router"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "routing-writer"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "routing-timer"));

    // --- state of the router thread only ---------------------------------------------------------------
    private final Map<Medium, RoutingHandler> handlers = new EnumMap<>(Medium.class);
    private final Map<UUID, RoutingStore.QueueRow> queues = new HashMap<>();
    private final Map<UUID, QueueStatistics> statistics = new HashMap<>();
    /** The tasks in the engine, for their medium, queue and times. */
    private final Map<UUID, RoutingTask> tasks = new HashMap<>();
    private final Map<UUID, Instant> acceptedAt = new HashMap<>();
    /** person → tenant → agent. */
    private final Map<UUID, Map<UUID, UUID>> agents = new HashMap<>();
    private final Map<UUID, String> names = new HashMap<>();
    /** queue → person → skill levels there: who may log in to the queue. */
    private final Map<UUID, Map<UUID, Map<UUID, Integer>>> members = new HashMap<>();
    private ScheduledFuture<?> tick;
    private Instant tickAt;

    @org.springframework.beans.factory.annotation.Autowired
    Router(RoutingStore store) {
        this(store, Clock.systemUTC());
    }

    Router(RoutingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Loads queues, agents, log-ins and chosen presence once every bean exists, before any call arrives. */
    @Override
    public void afterSingletonsInstantiated() {
        run(this::reload);
    }

    // --- the media's owners ------------------------------------------------------------------------------

    public void handle(Medium medium, RoutingHandler handler) {
        run(() -> handlers.put(medium, handler));
    }

    /** Persisted interactions of a medium, waiting ones in queue order: what its owner restores after a restart. */
    public List<PersistedTask> persisted(Medium medium) {
        return store.tasks(medium);
    }

    public void enqueue(RoutingTask task) {
        enqueue(task, null);
    }

    /** {@code handle}: how the medium's owner finds the interaction again after a restart (kept if null). */
    public void enqueue(RoutingTask task, String handle) {
        run(() -> {
            tasks.put(task.id(), task);
            writer.execute(() -> store.saveTask(task, handle));
            apply(engine.enqueue(task, now()));
        });
    }

    /**
     * Stores an interaction that will join its queue shortly (a caller hearing the greeting), without
     * routing it yet: a restart meanwhile does not lose it.
     */
    public void arriving(RoutingTask task, String handle) {
        writer.execute(() -> store.saveTask(task, handle));
    }

    /** Replaces the stored handle of an interaction (a call got its agent's channel). */
    public void handle(UUID taskId, String handle) {
        writer.execute(() -> store.taskHandle(taskId, handle));
    }

    /** After a restart: an interaction that was handled keeps its agent busy; no offer is made. */
    public void restoreHandled(RoutingTask task, UUID personId, Instant since) {
        run(() -> {
            tasks.put(task.id(), task);
            acceptedAt.put(task.id(), since);
            engine.restore(task, personId, since);
            schedule();
        });
    }

    /** After a restart: an interaction that was waiting joins again with its original time in line. */
    public void restoreWaiting(RoutingTask task) {
        enqueue(task, null);
    }

    /** The interaction left before an agent took it; {@code abandoned} when the customer gave up (not a transfer). */
    public void cancel(UUID taskId, boolean abandoned) {
        run(() -> {
            RoutingTask task = tasks.remove(taskId);
            if (task != null && abandoned) {
                stats(task.queueId()).abandoned(Duration.between(task.enqueuedAt(), now()));
            }
            writer.execute(() -> store.deleteTask(taskId));
            apply(engine.cancel(taskId, now()));
        });
    }

    public void accepted(UUID taskId, UUID personId) {
        run(() -> {
            RoutingTask task = tasks.get(taskId);
            Instant now = now();
            if (task == null) {
                return;
            }
            try {
                List<RoutingEvent> events = engine.accepted(taskId, personId, now);
                acceptedAt.put(taskId, now);
                stats(task.queueId()).served(Duration.between(task.enqueuedAt(), now));
                writer.execute(() -> store.taskAccepted(taskId, personId, now));
                apply(events);
            } catch (IllegalStateException e) {
                log.warn("Accept of {} by {} ignored: {}", taskId, personId, e.getMessage());
            }
        });
    }

    public void declined(UUID taskId, UUID personId) {
        run(() -> apply(engine.declined(taskId, personId, now())));
    }

    /** AGT-03: the handled interaction now belongs to another person; the one who had it goes to wrap-up. */
    public void transferred(UUID taskId, UUID toPersonId) {
        run(() -> {
            if (!tasks.containsKey(taskId)) {
                return;
            }
            Instant now = now();
            try {
                List<RoutingEvent> events = engine.transferred(taskId, toPersonId, now);
                acceptedAt.put(taskId, now);
                writer.execute(() -> store.taskAccepted(taskId, toPersonId, now));
                apply(events);
            } catch (IllegalStateException e) {
                log.warn("Transfer of {} to {} ignored: {}", taskId, toPersonId, e.getMessage());
            }
        });
    }

    /** The handled interaction ended; its agent goes to wrap-up. */
    public void finished(UUID taskId) {
        run(() -> {
            RoutingTask task = tasks.remove(taskId);
            Instant since = acceptedAt.remove(taskId);
            if (task != null && since != null) {
                RoutingStore.QueueRow queue = queues.get(task.queueId());
                Duration wrapUp = queue == null ? Duration.ZERO : queue.rules().wrapUp();
                stats(task.queueId()).handled(Duration.between(since, now()).plus(wrapUp));
            }
            writer.execute(() -> store.deleteTask(taskId));
            apply(engine.finished(taskId, now()));
        });
    }

    /** The caller asked to be called back and hung up: the task keeps its place (ACD-10). */
    public void callbackKept(UUID taskId) {
        run(() -> {
            RoutingTask task = tasks.get(taskId);
            if (task != null) {
                RoutingTask kept = new RoutingTask(task.id(), task.tenantId(), task.queueId(), task.medium(),
                        task.priority(), task.skills(), task.enqueuedAt(), task.preferredPerson(), true);
                tasks.put(taskId, kept);
                writer.execute(() -> store.taskCallback(taskId));
            }
        });
    }

    // --- people -----------------------------------------------------------------------------------------

    /** The agent a person is in a tenant, if any. */
    public Optional<UUID> agentOf(UUID personId, UUID tenantId) {
        return call(() -> Optional.ofNullable(agents.getOrDefault(personId, Map.of()).get(tenantId)));
    }

    public Presence presence(UUID personId) {
        return call(() -> engine.presence(personId));
    }

    /** When the person's wrap-up ends (ACD-06), while they are in one: the agent's countdown. */
    public Optional<Instant> wrapUpUntil(UUID personId) {
        return call(() -> engine.wrapUpUntil(personId));
    }

    /**
     * A person's chosen state (ACD-05), by themselves or forced by a supervisor ({@code changedBy}). The
     * chosen state is persisted; a break asked for during a call starts after it.
     */
    public Presence setPresence(UUID personId, Presence state, String reason, UUID changedBy) {
        return call(() -> {
            requirePerson(personId);
            Instant now = now();
            if (state == Presence.LOGGED_OUT) {
                for (Map.Entry<UUID, Map<UUID, Map<UUID, Integer>>> queue : members.entrySet()) {
                    if (queue.getValue().containsKey(personId)) {
                        UUID agent = agentIn(personId, queue.getKey());
                        UUID queueId = queue.getKey();
                        writer.execute(() -> store.saveLoggedIn(queueId, agent, false));
                    }
                }
            }
            try {
                apply(engine.setPresence(personId, state, reason, changedBy, now));
            } catch (IllegalStateException e) {
                // available or on a break while in no queue: nothing to be available for
                throw LineaProblemException.conflict("presence.no-queue");
            }
            writer.execute(() -> store.savePresence(personId, state, reason, changedBy, now));
            return engine.presence(personId);
        });
    }

    /** Logs a person in to a queue they are a member of (ACD-11); {@code self} checks the queue allows it. */
    public void login(UUID personId, UUID queueId, boolean self) {
        call(() -> {
            Map<UUID, Integer> skills = requireMember(personId, queueId, self);
            Presence before = engine.presence(personId);
            apply(engine.login(personId, queueId, skills, now()));
            UUID agent = agentIn(personId, queueId);
            writer.execute(() -> store.saveLoggedIn(queueId, agent, true));
            if (before == Presence.LOGGED_OUT) {
                Instant now = now();
                writer.execute(() -> store.savePresence(personId, Presence.AVAILABLE, null, null, now));
            }
            return null;
        });
    }

    public void logout(UUID personId, UUID queueId, boolean self) {
        call(() -> {
            requireMember(personId, queueId, self);
            apply(engine.logout(personId, queueId, now()));
            UUID agent = agentIn(personId, queueId);
            writer.execute(() -> store.saveLoggedIn(queueId, agent, false));
            return null;
        });
    }

    /** Waits until every write asked for so far is in PostgreSQL (tests, and a restart drill). */
    public void flush() {
        sync();
        try {
            writer.submit(() -> null).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("routing writes did not finish", e);
        }
    }

    /** Ends the person's wrap-up early (ACD-06). */
    public void ready(UUID personId) {
        run(() -> apply(engine.ready(personId, now())));
    }

    // --- queues -----------------------------------------------------------------------------------------

    /** The waiting interactions of a queue in the order they will be offered. */
    public List<UUID> waiting(UUID queueId) {
        return call(() -> engine.waiting(queueId));
    }

    public int position(UUID taskId) {
        return call(() -> engine.position(taskId));
    }

    public QueueSnapshot snapshot(UUID queueId) {
        return call(() -> engine.snapshot(queueId, now()));
    }

    /**
     * Expected wait of a waiting interaction from the live queue state (ACD-09): its position, the agents
     * serving the queue now, and the queue's handle time and abandonment learnt so far.
     */
    public Optional<Duration> expectedWait(UUID taskId) {
        return call(() -> {
            RoutingTask task = tasks.get(taskId);
            int position = engine.position(taskId);
            if (task == null || position == 0) {
                return Optional.empty();
            }
            QueueSnapshot snapshot = engine.snapshot(task.queueId(), now());
            QueueStatistics stats = stats(task.queueId());
            return WaitForecast.expectedWait(position, snapshot.available() + snapshot.busy(), snapshot.available(),
                    stats.meanHandleSeconds(), stats.abandonPerSecond());
        });
    }

    /**
     * The expected wait of a caller who joins the queue now, behind everyone waiting (ACD-09); empty when
     * nobody serves the queue.
     */
    public Optional<Duration> expectedWaitToJoin(UUID queueId) {
        return call(() -> {
            QueueSnapshot snapshot = engine.snapshot(queueId, now());
            QueueStatistics stats = stats(queueId);
            return WaitForecast.expectedWait(snapshot.waiting() + 1, snapshot.available() + snapshot.busy(),
                    snapshot.available(), stats.meanHandleSeconds(), stats.abandonPerSecond());
        });
    }

    /** Whether the queue exists and somebody is logged in to it (the no-agent overflow, IVR-04). */
    public boolean anyoneLoggedIn(UUID queueId) {
        return call(() -> queues.containsKey(queueId) && engine.snapshot(queueId, now()).loggedIn() > 0);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(RoutingConfigChanged change) {
        run(() -> reloadQueue(change.queueId()));
    }

    /** An agent was added, changed or removed: who is whom, their capacity and blending may have changed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AgentChanged change) {
        run(this::reloadAgents);
    }

    /** Waits until everything asked of the router so far is done (tests, and API calls that report the result). */
    public void sync() {
        call(() -> null);
    }

    // --- the router thread --------------------------------------------------------------------------------

    private void reload() {
        for (RoutingStore.QueueRow queue : store.queues()) {
            queues.put(queue.rules().queueId(), queue);
            engine.configure(queue.rules(), now());
        }
        reloadAgents();
        Map<UUID, Presence> chosen = new HashMap<>();
        Map<UUID, String> reasons = new HashMap<>();
        store.presence().forEach(p -> {
            chosen.put(p.personId(), p.state());
            reasons.put(p.personId(), p.reason());
        });
        Set<UUID> loggedIn = new HashSet<>();
        for (RoutingStore.MemberRow member : store.members(null)) {
            members.computeIfAbsent(member.queueId(), q -> new HashMap<>()).put(member.personId(), member.skills());
            boolean out = chosen.get(member.personId()) == Presence.LOGGED_OUT;
            if (member.loggedIn() && !out && queues.containsKey(member.queueId())) {
                engine.login(member.personId(), member.queueId(), member.skills(), now());
                loggedIn.add(member.personId());
            }
        }
        for (UUID person : loggedIn) {
            if (chosen.get(person) == Presence.BREAK) {
                engine.setPresence(person, Presence.BREAK, reasons.get(person), null, now());
            }
        }
        log.info("Router loaded {} queues, {} people, {} logged in", queues.size(), agents.size(), loggedIn.size());
        schedule();
    }

    /**
     * Who is whom, from every tenant's agents. A person who works for several tenants takes, per medium,
     * the smallest capacity any of them set, and is blended only if all of them allow it.
     */
    private void reloadAgents() {
        Map<UUID, Map<UUID, UUID>> byPerson = new HashMap<>();
        Map<UUID, Map<Medium, Integer>> capacities = new HashMap<>();
        Map<UUID, Boolean> blended = new HashMap<>();
        for (RoutingStore.AgentRow agent : store.agents()) {
            byPerson.computeIfAbsent(agent.personId(), p -> new HashMap<>()).put(agent.tenantId(), agent.agentId());
            names.put(agent.personId(), agent.displayName());
            capacities.merge(agent.personId(), agent.capacity(), (a, b) -> {
                Map<Medium, Integer> least = new EnumMap<>(Medium.class);
                a.forEach((medium, n) -> least.put(medium, Math.min(n, b.getOrDefault(medium, 0))));
                return least;
            });
            blended.merge(agent.personId(), agent.blended(), Boolean::logicalAnd);
        }
        agents.clear();
        agents.putAll(byPerson);
        byPerson.forEach((person, tenants) -> engine.register(new AgentPerson(person, names.get(person), tenants,
                capacities.get(person), blended.get(person))));
    }

    private void reloadQueue(UUID queueId) {
        Optional<RoutingStore.QueueRow> row = store.queue(queueId);
        if (row.isEmpty()) {
            if (queues.remove(queueId) != null) {
                members.remove(queueId);
                apply(engine.removeQueue(queueId, now()));
            }
            return;
        }
        queues.put(queueId, row.get());
        apply(engine.configure(row.get().rules(), now()));
        List<RoutingStore.MemberRow> rows = store.members(queueId);
        if (rows.stream().anyMatch(member -> !agents.containsKey(member.personId()))) {
            reloadAgents(); // an agent made without credentials announced nothing yet
        }
        Map<UUID, Map<UUID, Integer>> now = new HashMap<>();
        for (RoutingStore.MemberRow member : rows) {
            now.put(member.personId(), member.skills());
            if (member.loggedIn()) {
                // a new skill level takes effect at once for a person already logged in
                apply(engine.login(member.personId(), queueId, member.skills(), now()));
            }
        }
        Map<UUID, Map<UUID, Integer>> before = members.getOrDefault(queueId, Map.of());
        for (UUID person : before.keySet()) {
            if (!now.containsKey(person)) {
                apply(engine.logout(person, queueId, now()));
            }
        }
        members.put(queueId, now);
    }

    private Map<UUID, Integer> requireMember(UUID personId, UUID queueId, boolean self) {
        RoutingStore.QueueRow queue = queues.get(queueId);
        Map<UUID, Integer> skills = queue == null ? null : members.getOrDefault(queueId, Map.of()).get(personId);
        if (skills == null) {
            throw LineaProblemException.notFound("queue");
        }
        if (self && !queue.selfLoginAllowed()) {
            throw LineaProblemException.forbidden("queue.self-login-forbidden");
        }
        return skills;
    }

    private void requirePerson(UUID personId) {
        if (!agents.containsKey(personId)) {
            throw LineaProblemException.notFound("agent");
        }
    }

    private UUID agentIn(UUID personId, UUID queueId) {
        RoutingStore.QueueRow queue = queues.get(queueId);
        return queue == null ? null : agents.getOrDefault(personId, Map.of()).get(queue.rules().tenantId());
    }

    private QueueStatistics stats(UUID queueId) {
        return statistics.computeIfAbsent(queueId, q -> new QueueStatistics());
    }

    /** Hands the engine's decisions to the media's owners, and keeps the timer at the next deadline. */
    private void apply(List<RoutingEvent> events) {
        for (RoutingEvent event : events) {
            try {
                dispatch(event);
            } catch (RuntimeException e) {
                log.error("Routing event {} could not be handled", event, e);
            }
        }
        schedule();
    }

    private void dispatch(RoutingEvent event) {
        switch (event) {
            case Offered e -> handler(e.medium()).ifPresent(h -> h.offered(e));
            case OfferWithdrawn e -> {
                RoutingTask task = tasks.get(e.taskId());
                if (task != null) {
                    handler(task.medium()).ifPresent(h -> h.withdrawn(e));
                }
            }
            case Overflowed e -> {
                RoutingTask task = tasks.remove(e.taskId());
                writer.execute(() -> store.deleteTask(e.taskId()));
                if (task != null) {
                    handler(task.medium()).ifPresent(h -> h.overflowed(e));
                }
            }
            case PresenceChanged e -> log.debug("{} is {} (was {})", e.personId(), e.to(), e.from());
        }
    }

    private Optional<RoutingHandler> handler(Medium medium) {
        RoutingHandler handler = handlers.get(medium);
        if (handler == null) {
            log.warn("No owner for {} interactions", medium);
        }
        return Optional.ofNullable(handler);
    }

    private void schedule() {
        Optional<Instant> next = engine.nextDeadline();
        if (next.isEmpty() || next.get().equals(tickAt)) {
            return;
        }
        if (tick != null) {
            tick.cancel(false);
        }
        tickAt = next.get();
        long delay = Math.max(0, Duration.between(now(), tickAt).toMillis());
        tick = timer.schedule(() -> run(() -> {
            tickAt = null;
            apply(engine.tick(now()));
        }), delay, TimeUnit.MILLISECONDS);
    }

    private Instant now() {
        return clock.instant();
    }

    private void run(Runnable work) {
        thread.execute(() -> {
            try {
                work.run();
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the engine refuses what no longer fits its state (an accepted task cancelled, a person gone)
                log.warn("Routing step refused: {}", e.getMessage());
            } catch (RuntimeException e) {
                log.error("Routing step failed", e);
            }
        });
    }

    /** Runs on the router thread and waits; problems (404, 403) reach the caller unchanged. */
    private <T> T call(Callable<T> work) {
        try {
            return thread.submit(work).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the router did not answer", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        thread.shutdown();
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
