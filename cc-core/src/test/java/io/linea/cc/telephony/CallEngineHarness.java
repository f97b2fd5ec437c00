package io.linea.cc.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.linea.cc.prompt.Prompts;
import io.linea.cc.provisioning.AgentEndpointConfig;
import io.linea.cc.provisioning.AgentReach;
import io.linea.cc.provisioning.AgentTarget;
import io.linea.cc.provisioning.CallerNumber;
import io.linea.cc.provisioning.CarrierConfig;
import io.linea.cc.provisioning.NumberRoute;
import io.linea.cc.provisioning.NumberType;
import io.linea.cc.provisioning.RouteTarget;
import io.linea.cc.provisioning.TelephonyDirectory;

/**
 * A {@link CallEngine} wired to hand-written fakes, for the unit tests of the first call path: a
 * recording node ({@link FakeControl}), a directory, prompts, a recorder and a clock the test moves.
 * Events are fed with the node's name and the fake clock's time, then the engine is drained.
 */
final class CallEngineHarness implements AutoCloseable {

    static final String NODE = "node-1";
    static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID OTHER_TENANT = UUID.fromString("00000000-0000-0000-0000-00000000b002");
    static final String NUMBER = "+18005550100";
    static final String OTHER_NUMBER = "+18005550200";
    static final String CALLER = "+37322123456";
    static final CarrierConfig CARRIER = new CarrierConfig(UUID.fromString("00000000-0000-0000-0000-0000000c0001"),
            "Moldtelecom", "trunk-00000000-0000-0000-0000-0000000c0001", "sip.carrier.test", 5060, "udp", "linea",
            "secret", List.of("alaw", "ulaw"), List.of("192.0.2.0/24"));
    static final TenantProfile PROFILE = new TenantProfile("Acme Bank", "ro");
    static final TenantProfile OTHER_PROFILE = new TenantProfile("Globex", "en");
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    static final AgentTarget ANA = agent("Ana", AgentReach.ENDPOINT, "ep-ana", null);
    static final AgentTarget BOB = agent("Bob", AgentReach.ENDPOINT, "ep-bob", null);
    static final AgentTarget CARA = agent("Cara", AgentReach.ENDPOINT, "ep-cara", "+37369000003");

    final MutableClock clock = new MutableClock(START);
    final FakeControl control = new FakeControl(NODE);
    final FakeDirectory directory = new FakeDirectory();
    final RecordingRecorder recorder = new RecordingRecorder();
    final FakeQueues queues = new FakeQueues();
    final Set<UUID> suspendedTenants = ConcurrentHashMap.newKeySet();
    final CallEngine engine;
    private final AtomicInteger channels = new AtomicInteger();

    CallEngineHarness() {
        this(Duration.ofSeconds(90));
    }

    CallEngineHarness(Duration maxWait) {
        this(maxWait, Runnable::run);
    }

    /** With {@code io} the pool the engine's requests run on; by default they run at once on the engine thread. */
    CallEngineHarness(Duration maxWait, java.util.concurrent.Executor io) {
        TelephonySettings settings = new TelephonySettings(null, "linea", Duration.ofSeconds(2), maxWait,
                Duration.ofMillis(50), true, null, null, Duration.ofMillis(100), Duration.ofSeconds(15));
        Map<UUID, TenantProfile> profiles = Map.of(TENANT, PROFILE, OTHER_TENANT, OTHER_PROFILE);
        engine = new CallEngine(directory, new FakePrompts(), recorder, profiles::get, suspendedTenants::contains,
                settings, clock, latency -> { }, io, queues);
        queues.handler = engine.routingHandler();
        directory.routes.put(NUMBER, new NumberRoute(TENANT, UUID.randomUUID(), NUMBER, NumberType.FREEPHONE,
                CARRIER.id(), RouteTarget.AGENTS, null, null, 0));
        directory.carriers.put(CARRIER.id(), CARRIER);
        control.reachable.addAll(List.of("ep-ana", "ep-bob", "ep-cara"));
        connect();
    }

    static AgentTarget agent(String name, AgentReach reach, String endpointId, String mobile) {
        return new AgentTarget(TENANT, UUID.nameUUIDFromBytes(("agent-" + name).getBytes()),
                UUID.nameUUIDFromBytes(("user-" + name).getBytes()), name, reach, endpointId, mobile);
    }

    // --- feeding events -------------------------------------------------------------------------

    /** The node's event stream connects (the engine learns its control); no restart. */
    void connect() {
        send(new SwitchEvent.NodeConnected(NODE, clock.instant(), control, false));
    }

    void send(SwitchEvent event) {
        engine.accept(event);
        engine.drain();
    }

    /** A carrier call to {@code dialled} enters Stasis; returns the caller's channel id. */
    String callIn(String dialled) {
        return callIn(dialled, CALLER);
    }

    String callIn(String dialled, String caller) {
        String channel = "caller-" + channels.incrementAndGet();
        control.existing.add(channel);
        send(new SwitchEvent.ChannelEntered(NODE, clock.instant(), channel, List.of("inbound", dialled), caller));
        return channel;
    }

    /** An inbound call whose greeting has finished, so agents ring; returns the caller's channel id. */
    String callWaiting() {
        String caller = callIn(NUMBER);
        finishPlayback(caller);
        return caller;
    }

    /** The last playback on the channel finishes. */
    void finishPlayback(String channel) {
        send(new SwitchEvent.PlaybackDone(NODE, clock.instant(), control.lastPlay(channel).playbackId(), false));
    }

    /** The originated leg is answered and enters Stasis with the arguments the engine gave it. */
    void answer(FakeControl.Originate leg) {
        control.existing.add(leg.channelId());
        send(new SwitchEvent.ChannelEntered(NODE, clock.instant(), leg.channelId(),
                Arrays.asList(leg.appArgs().split(",")), null));
    }

    /** A channel is destroyed with a Q.850 cause (16 normal, 17 busy, 19 no answer, 21 rejected). */
    void gone(String channel, int cause) {
        control.existing.remove(channel);
        send(new SwitchEvent.ChannelGone(NODE, clock.instant(), channel, cause, "cause " + cause));
    }

    /** Waits (draining the engine) until the node saw {@code count} originates; timers fire on their own thread. */
    FakeControl.Originate awaitOriginate(int count) {
        await(() -> control.originates.size() >= count, count + " originates, saw " + control.originates);
        return control.originates.get(count - 1);
    }

    void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            engine.drain();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The interaction the engine opened last. */
    UUID interactionId() {
        List<RecordingRecorder.Opened> opened = recorder.of(RecordingRecorder.Opened.class);
        assertThat(opened).as("an interaction was opened").isNotEmpty();
        return opened.getLast().interaction().id();
    }

    @Override
    public void close() {
        engine.close();
    }

    // --- fakes ----------------------------------------------------------------------------------

    /** A clock the test moves; read from the engine and timer threads. */
    static final class MutableClock extends Clock {

        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(i -> i.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** One Asterisk node that records every request and answers from what the test set. */
    static final class FakeControl implements CallControl {

        record Play(String channelId, String playbackId, String mediaUri) {
        }

        record Originate(String channelId, String endpoint, String callerId, int timeoutSeconds, String appArgs,
                Map<String, String> variables) {
        }


        private final String node;
        /** Requests in order, e.g. "answer caller-1", "hangup la-… NORMAL", "bridge lb-… caller-1 la-…". */
        final List<String> ops = new CopyOnWriteArrayList<>();
        /** Channels whose answer hangs until the latch opens, as on a slow node. */
        final Map<String, java.util.concurrent.CountDownLatch> slowAnswers = new ConcurrentHashMap<>();
        final List<Play> plays = new CopyOnWriteArrayList<>();
        final List<Originate> originates = new CopyOnWriteArrayList<>();
        final Map<String, Map<String, String>> variables = new ConcurrentHashMap<>();
        final Set<String> reachable = ConcurrentHashMap.newKeySet();
        final Set<String> existing = ConcurrentHashMap.newKeySet();
        /** Endpoints whose originate fails as an unreachable node would. */
        final Set<String> failingEndpoints = ConcurrentHashMap.newKeySet();

        FakeControl(String node) {
            this.node = node;
        }

        @Override
        public String node() {
            return node;
        }

        @Override
        public void answer(String channelId) {
            java.util.concurrent.CountDownLatch gate = slowAnswers.get(channelId);
            if (gate != null) {
                try {
                    gate.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ops.add("answer " + channelId);
        }

        @Override
        public void hangup(String channelId, HangupReason reason) {
            ops.add("hangup " + channelId + " " + reason);
        }

        @Override
        public void play(String channelId, String playbackId, String mediaUri) {
            ops.add("play " + channelId + " " + mediaUri);
            plays.add(new Play(channelId, playbackId, mediaUri));
        }

        @Override
        public void startMusicOnHold(String channelId) {
            ops.add("moh-start " + channelId);
        }

        @Override
        public void stopMusicOnHold(String channelId) {
            ops.add("moh-stop " + channelId);
        }

        @Override
        public void startBridgeMusicOnHold(String bridgeId) {
            ops.add("bridge-moh-start " + bridgeId);
        }

        @Override
        public void stopBridgeMusicOnHold(String bridgeId) {
            ops.add("bridge-moh-stop " + bridgeId);
        }

        @Override
        public void originate(String channelId, String endpoint, String callerId, int timeoutSeconds,
                String appArgs, Map<String, String> variables) {
            ops.add("originate " + channelId + " " + endpoint);
            if (failingEndpoints.contains(endpoint)) {
                throw new SwitchException("originate " + endpoint + " failed", null);
            }
            originates.add(new Originate(channelId, endpoint, callerId, timeoutSeconds, appArgs,
                    Map.copyOf(variables)));
        }

        @Override
        public void bridge(String bridgeId, String... channelIds) {
            ops.add("bridge " + bridgeId + " " + String.join(" ", channelIds));
        }

        @Override
        public void addToBridge(String bridgeId, String channelId) {
            ops.add("bridge-add " + bridgeId + " " + channelId);
        }

        @Override
        public void destroyBridge(String bridgeId) {
            ops.add("destroy-bridge " + bridgeId);
        }

        @Override
        public boolean endpointReachable(String endpointId) {
            return reachable.contains(endpointId);
        }

        @Override
        public boolean channelExists(String channelId) {
            return existing.contains(channelId);
        }

        @Override
        public void setVariable(String channelId, String name, String value) {
            ops.add("set " + channelId + " " + name);
            variables.computeIfAbsent(channelId, c -> new ConcurrentHashMap<>()).put(name, value);
        }

        @Override
        public void record(String channelId, String name, int maxSeconds, int maxSilenceSeconds, boolean beep,
                String terminateOn) {
            ops.add("record " + channelId + " " + name);
        }

        /** The recordings the node holds, by name (a test puts the audio a caller left). */
        final Map<String, byte[]> recordings = new ConcurrentHashMap<>();

        @Override
        public byte[] storedRecording(String name) {
            ops.add("fetch " + name);
            byte[] audio = recordings.get(name);
            if (audio == null) {
                throw new SwitchException("no recording " + name, null);
            }
            return audio;
        }

        @Override
        public void deleteStoredRecording(String name) {
            ops.add("delete-recording " + name);
            recordings.remove(name);
        }

        @Override
        public void subscribe(String channelId) {
            ops.add("subscribe " + channelId);
        }

        @Override
        public void stopPlayback(String playbackId) {
            ops.add("stop-playback " + playbackId);
        }

        Play lastPlay(String channelId) {
            return plays.stream().filter(p -> p.channelId().equals(channelId)).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("nothing played on " + channelId + ": " + ops));
        }

        List<String> hangups() {
            return ops.stream().filter(op -> op.startsWith("hangup ")).toList();
        }

        List<String> endpointsDialled() {
            return originates.stream().map(Originate::endpoint).toList();
        }
    }

    /** Prompts whose media URI names the key (or text), the language and the arguments. */
    static final class FakePrompts implements Prompts {

        @Override
        public String text(String key, String language, Object... args) {
            return key + "-" + language + args(args);
        }

        @Override
        public String mediaUri(String text, String language) {
            return "sound:http://prompts/tts-" + language + "?" + text;
        }

        @Override
        public String mediaUriFor(String key, String language, Object... args) {
            return "sound:http://prompts/" + key + "-" + language + args(args);
        }

        private static String args(Object... args) {
            return args.length == 0 ? ""
                    : "?" + Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(","));
        }
    }

    /** Numbers, carriers and the agents to ring, as the provisioning module will answer. */
    static final class FakeDirectory implements TelephonyDirectory {

        record CallEnded(UUID tenantId, UUID agentId, Instant at) {
        }

        final Map<String, NumberRoute> routes = new ConcurrentHashMap<>();
        final Map<UUID, CarrierConfig> carriers = new ConcurrentHashMap<>();
        final Map<UUID, List<AgentTarget>> agents = new ConcurrentHashMap<>();
        final List<CallEnded> callsEnded = new CopyOnWriteArrayList<>();
        /** The database is down for number look-ups. */
        volatile boolean routesFail;
        /** How many of the next agent look-ups fail as a database blip would. */
        final AtomicInteger failingAgentLookups = new AtomicInteger();

        void agents(UUID tenantId, AgentTarget... longestIdleFirst) {
            agents.put(tenantId, List.of(longestIdleFirst));
        }

        @Override
        public Optional<NumberRoute> route(String e164) {
            if (routesFail) {
                throw new IllegalStateException("database unavailable");
            }
            return Optional.ofNullable(routes.get(e164));
        }

        @Override
        public List<CarrierConfig> carriers() {
            return List.copyOf(carriers.values());
        }

        @Override
        public Optional<CarrierConfig> carrier(UUID carrierId) {
            return Optional.ofNullable(carriers.get(carrierId));
        }

        @Override
        public List<AgentEndpointConfig> endpoints() {
            return List.of();
        }

        @Override
        public Optional<AgentEndpointConfig> endpoint(String endpointId) {
            return Optional.empty();
        }

        @Override
        public List<AgentTarget> agentsToRing(UUID tenantId) {
            if (failingAgentLookups.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("database unavailable");
            }
            return agents.getOrDefault(tenantId, List.of());
        }

        @Override
        public Optional<AgentTarget> agent(UUID tenantId, UUID agentId) {
            return agentsToRing(tenantId).stream().filter(a -> a.agentId().equals(agentId)).findFirst();
        }

        @Override
        public Optional<AgentTarget> agentOfUser(UUID tenantId, UUID userId) {
            return agentsToRing(tenantId).stream().filter(a -> a.userId().equals(userId)).findFirst();
        }

        @Override
        public void recordCallEnded(UUID tenantId, UUID agentId, Instant at) {
            callsEnded.add(new CallEnded(tenantId, agentId, at));
        }

        @Override
        public Optional<CallerNumber> callerNumber(UUID tenantId, UUID numberId) {
            return Optional.empty();
        }

        /** The tenants' first numbers, as caller ID for callbacks and mobiles. */
        final Map<UUID, CallerNumber> callerNumbers = new ConcurrentHashMap<>();

        @Override
        public Optional<CallerNumber> defaultCallerNumber(UUID tenantId) {
            return Optional.ofNullable(callerNumbers.get(tenantId));
        }
    }

    /** Keeps everything the engine recorded, in order. */
    static final class RecordingRecorder implements CallRecorder {

        sealed interface Entry {
        }

        record Opened(UUID tenantId, Interaction interaction, InteractionEvent.Type type, String detail)
                implements Entry {
        }

        record Event(UUID tenantId, UUID interactionId, InteractionEvent.Type type, Instant at, UUID agentId,
                String agentName, String detail) implements Entry {
        }

        record Ringing(UUID tenantId, UUID interactionId, Instant at, UUID agentId, String agentName, String detail)
                implements Entry {
        }

        record Answered(UUID tenantId, UUID interactionId, Instant at, UUID agentId, String agentName, Duration ring)
                implements Entry {
        }

        record Ended(UUID tenantId, UUID interactionId, Interaction.State state, Instant at, String reason,
                Interaction.Stage stage) implements Entry {
        }

        record Operational(String kind, String node, String detail) implements Entry {
        }

        final List<Entry> entries = new CopyOnWriteArrayList<>();

        @Override
        public void opened(UUID tenantId, Interaction interaction, InteractionEvent.Type type, String detail) {
            entries.add(new Opened(tenantId, interaction, type, detail));
        }

        @Override
        public void event(UUID tenantId, UUID interactionId, InteractionEvent.Type type, Instant at, UUID agentId,
                String agentName, String detail) {
            entries.add(new Event(tenantId, interactionId, type, at, agentId, agentName, detail));
        }

        @Override
        public void ringing(UUID tenantId, UUID interactionId, Instant at, UUID agentId, String agentName,
                String detail) {
            entries.add(new Ringing(tenantId, interactionId, at, agentId, agentName, detail));
        }

        @Override
        public void answered(UUID tenantId, UUID interactionId, Instant at, UUID agentId, String agentName,
                Duration ring) {
            entries.add(new Answered(tenantId, interactionId, at, agentId, agentName, ring));
        }

        @Override
        public void ended(UUID tenantId, UUID interactionId, Interaction.State state, Instant at, String reason,
                Interaction.Stage stage) {
            entries.add(new Ended(tenantId, interactionId, state, at, reason, stage));
        }

        @Override
        public void transferred(UUID tenantId, UUID interactionId, Instant at, UUID agentId, String agentName,
                String detail) {
            entries.add(new Event(tenantId, interactionId, InteractionEvent.Type.TRANSFERRED, at, agentId, agentName,
                    detail));
        }

        @Override
        public void operational(String kind, String node, String detail) {
            entries.add(new Operational(kind, node, detail));
        }

        <T extends Entry> List<T> of(Class<T> type) {
            List<T> result = new ArrayList<>();
            for (Entry entry : entries) {
                if (type.isInstance(entry)) {
                    result.add(type.cast(entry));
                }
            }
            return result;
        }

        /** Interaction events other than ringing/answered/ended, as "TYPE agentName". */
        List<String> eventTypes(UUID interactionId) {
            return of(Event.class).stream().filter(e -> e.interactionId().equals(interactionId))
                    .map(e -> e.type() + (e.agentName() == null ? "" : " " + e.agentName())).toList();
        }

        List<String> operationalKinds() {
            return of(Operational.class).stream().map(Operational::kind).toList();
        }

        List<Event> events(UUID interactionId) {
            return of(Event.class).stream().filter(e -> e.interactionId().equals(interactionId)).toList();
        }

        Ended ended(UUID interactionId) {
            List<Ended> ended = of(Ended.class).stream().filter(e -> e.interactionId().equals(interactionId))
                    .toList();
            assertThat(ended).as("interaction %s ended once", interactionId).hasSize(1);
            return ended.getFirst();
        }
    }
}
