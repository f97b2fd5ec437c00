package io.linea.cc.telephony;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.linea.cc.prompt.Prompts;
import io.linea.cc.provisioning.AgentTarget;
import io.linea.cc.provisioning.CallerNumber;
import io.linea.cc.provisioning.TelephonyConfigChanged;
import io.linea.cc.provisioning.TelephonyDirectory;
import io.linea.cc.settings.SettingsManagement;
import io.linea.cc.settings.SettingsView;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The telephony module's facade: starts one {@link AriNode} per configured Asterisk node, feeds
 * their events to the {@link CallEngine}, pushes provisioning changes to every node at once, and
 * places outbound calls.
 */
@Service
public class Telephony implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Telephony.class);

    private final TelephonySettings settings;
    private final TelephonyDirectory directory;
    private final InteractionRecorder recorder;
    private final CallEngine engine;
    private final EndpointProvisioner provisioner;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "ari-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    /** Pushes run off the committing thread (no transaction of the caller leaks in), one at a time, in order. */
    private final java.util.concurrent.ExecutorService pusher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ari-push");
        thread.setDaemon(true);
        return thread;
    });
    private final List<AriNode> nodes = new ArrayList<>();
    private volatile boolean running;
    private final Counter eventBytes;
    private final List<Consumer<Duration>> offerListeners = new CopyOnWriteArrayList<>();
    /** ARI requests of the call engine; bounded, so an overloaded node is not flooded with connections. */
    private final ExecutorService io = Executors.newFixedThreadPool(16, Thread.ofPlatform().daemon().name("ari-io-", 0)
            .factory());

    Telephony(TelephonySettings settings, TelephonyDirectory directory, Prompts prompts, InteractionRecorder recorder,
            TenantAvailability availability, SettingsManagement tenantSettings, MeterRegistry meters,
            VoiceQueues queues) {
        this.settings = settings;
        this.directory = directory;
        this.recorder = recorder;
        Timer latency = Timer.builder("linea.ari.event.latency")
                .description("Asterisk event timestamp to the start of its handling (B3)")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.eventBytes = Counter.builder("linea.ari.event.bytes").baseUnit("bytes")
                .description("Bytes of ARI events received from all nodes (B3)").register(meters);
        TenantProfile.Lookup profiles = tenantId -> TenantContext.callAs(tenantId, () -> {
            SettingsView view = tenantSettings.current("Linea");
            return new TenantProfile(view.displayName(), view.defaultLanguage());
        });
        this.engine = new CallEngine(directory, prompts, recorder, profiles, availability::suspended, settings,
                Clock.systemUTC(), d -> latency.record(d.isNegative() ? Duration.ZERO : d), io, queues);
        Timer offer = Timer.builder("linea.routing.offer.latency")
                .description("A caller joining a queue to Asterisk dialling the first agent offered (B4)")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        engine.offerLatency(d -> {
            offer.record(d);
            offerListeners.forEach(listener -> listener.accept(d));
        });
        queues.handle(engine.routingHandler());
        this.provisioner = new EndpointProvisioner(directory, settings.agentWebrtc());
    }

    @Override
    public void start() {
        running = true;
        for (TelephonySettings.Node node : settings.nodes()) {
            AriNode ari = new AriNode(node, settings.app(), engine, scheduler, this::provision, Clock.systemUTC(),
                    eventBytes::increment);
            nodes.add(ari);
            ari.start();
        }
        if (!nodes.isEmpty()) {
            // scheduled callbacks are due at their time (ACD-10)
            long every = Math.max(1, settings.callbackPoll().toMillis());
            scheduler.scheduleWithFixedDelay(engine::pollCallbacks, every, every, TimeUnit.MILLISECONDS);
        }
        if (nodes.isEmpty()) {
            log.info("No Asterisk node configured (LINEA_ARI_URL): telephony is off");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void closeInterrupted() {
        int closed = recorder.closeInterrupted("CC_CORE_RESTARTED");
        if (closed > 0) {
            log.warn("Closed {} interactions left open by a previous run", closed);
        }
    }

    private void provision(AriNode node) {
        provisioner.pushAll(node);
    }

    /** Pushes a carrier or agent endpoint change to every connected node (TEL-02: no file, no restart). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TelephonyConfigChanged change) {
        pusher.execute(() -> push(change));
    }

    private void push(TelephonyConfigChanged change) {
        for (AriNode node : nodes) {
            if (!node.connected()) {
                continue; // pushed in full when it connects
            }
            try {
                if (change.removed()) {
                    provisioner.remove(node, change.endpointId());
                } else if (change.kind() == TelephonyConfigChanged.Kind.CARRIER) {
                    directory.carriers().stream().filter(c -> c.endpointId().equals(change.endpointId()))
                            .findFirst().ifPresentOrElse(c -> provisioner.pushCarrier(node, c),
                                    () -> provisioner.remove(node, change.endpointId()));
                } else {
                    directory.endpoint(change.endpointId()).ifPresentOrElse(e -> provisioner.pushAgent(node, e),
                            () -> provisioner.remove(node, change.endpointId()));
                }
            } catch (RuntimeException e) {
                log.warn("Could not push {} to node {}: {}", change, node.node(), e.getMessage());
            }
        }
    }

    /** Places a call from the current user's agent to an external number with a tenant number as caller ID. */
    public UUID place(UUID userId, UUID numberId, String to) {
        UUID tenantId = TenantContext.requireTenant();
        AgentTarget agent = agentOfUser(tenantId, userId);
        CallerNumber from = directory.callerNumber(tenantId, numberId)
                .orElseThrow(() -> LineaProblemException.notFound("number"));
        return await(engine.place(agent, from, to));
    }

    /** AGT-03: the current user rings another agent of the tenant to hand over (blind) or consult on a call. */
    public void consult(UUID userId, UUID interactionId, UUID targetAgentId, boolean blind) {
        asAgent(userId, (tenantId, me) -> engine.consult(tenantId, interactionId, me, directory
                .agent(tenantId, targetAgentId).orElseThrow(() -> LineaProblemException.notFound("agent")), blind));
    }

    /** AGT-03: the current user hands the call they talk on to a queue of the tenant. */
    public void transferToQueue(UUID userId, UUID interactionId, UUID queueId) {
        asAgent(userId, (tenantId, me) -> engine.transferToQueue(tenantId, interactionId, me, queueId));
    }

    /** AGT-03: the current user hands the call they talk on to an external number (blind). */
    public void transferToNumber(UUID userId, UUID interactionId, String e164) {
        asAgent(userId, (tenantId, me) -> engine.transferToNumber(tenantId, interactionId, me, e164));
    }

    /** AGT-03: completes, cancels or turns into a conference the current user's transfer. */
    public void transferStep(UUID userId, UUID interactionId, CallEngine.TransferStep step) {
        asAgent(userId, (tenantId, me) -> engine.transferStep(tenantId, interactionId, me, step));
    }

    /** AGT-03: the current user's transfer of the call, for their transfer panel. */
    public CallEngine.TransferState transferState(UUID userId, UUID interactionId) {
        return asAgent(userId, (tenantId, me) -> engine.transferState(tenantId, interactionId, me));
    }

    /** AGT-02: ends the current user's own leg of the call, for a softphone that lost its connection. */
    public void hangup(UUID userId, UUID interactionId) {
        asAgent(userId, (tenantId, me) -> engine.hangup(tenantId, interactionId, me));
    }

    /** Asks the call engine as the user's agent in the current tenant, and waits for its answer. */
    private <T> T asAgent(UUID userId, BiFunction<UUID, UUID, CompletableFuture<T>> request) {
        UUID tenantId = TenantContext.requireTenant();
        UUID me = agentOfUser(tenantId, userId).agentId();
        return await(request.apply(tenantId, me));
    }

    /** The user's agent in the tenant: who places, transfers and completes calls; 409 when they have none. */
    private AgentTarget agentOfUser(UUID tenantId, UUID userId) {
        return directory.agentOfUser(tenantId, userId)
                .orElseThrow(() -> LineaProblemException.conflict("call.no-agent"));
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CompletionException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LineaProblemException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "telephony.unavailable");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new LineaProblemException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "telephony.unavailable");
        }
    }

    /** Hears every offer latency recorded in {@code linea.routing.offer.latency}, e.g. B4's exact percentiles. */
    void onOfferLatency(Consumer<Duration> listener) {
        offerListeners.add(listener);
    }

    /** Calls cc-core is handling now, on every node. */
    int activeCalls() {
        return engine.activeCalls();
    }

    /** Connections made to all nodes so far: grows when cc-core reconnects, e.g. after a node restarted. */
    int connections() {
        return nodes.stream().mapToInt(AriNode::connections).sum();
    }

    boolean connected() {
        return !nodes.isEmpty() && nodes.stream().allMatch(AriNode::connected);
    }

    @Override
    public void stop() {
        running = false;
        nodes.forEach(AriNode::close);
        scheduler.shutdownNow();
        pusher.shutdownNow();
        engine.close();
        io.shutdown();
        recorder.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stopping ends the engine and its executors for good; a paused context (Spring's test context cache
     * pauses contexts it is not using) would come back with a call engine that refuses every request.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }
}
