package io.linea.cc.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linea.cc.prompt.Prompts;
import io.linea.cc.provisioning.AgentReach;
import io.linea.cc.provisioning.AgentTarget;
import io.linea.cc.provisioning.CallerNumber;
import io.linea.cc.provisioning.CarrierConfig;
import io.linea.cc.provisioning.NumberRoute;
import io.linea.cc.provisioning.TelephonyDirectory;
import io.linea.cc.provisioning.RouteTarget;
import io.linea.cc.queue.Overflow;
import io.linea.cc.queue.OverflowAction;
import io.linea.cc.routing.Medium;
import io.linea.cc.routing.OverflowReason;
import io.linea.cc.routing.RoutingEvent;
import io.linea.cc.routing.RoutingHandler;
import io.linea.cc.routing.RoutingTask;
import io.linea.cc.telephony.SwitchEvent.AgentChosen;
import io.linea.cc.telephony.SwitchEvent.AnnounceDue;
import io.linea.cc.telephony.SwitchEvent.PromptReady;
import io.linea.cc.telephony.SwitchEvent.DtmfReceived;
import io.linea.cc.telephony.SwitchEvent.HoldChanged;
import io.linea.cc.telephony.SwitchEvent.OfferReady;
import io.linea.cc.telephony.SwitchEvent.QueueReady;
import io.linea.cc.telephony.SwitchEvent.RecordingDone;
import io.linea.cc.telephony.SwitchEvent.RoutingDecision;
import io.linea.cc.telephony.SwitchEvent.CallbackDue;
import io.linea.cc.telephony.SwitchEvent.CallbackTimeChecked;
import io.linea.cc.telephony.SwitchEvent.CallsRecovered;
import io.linea.cc.telephony.SwitchEvent.DeclineDue;
import io.linea.cc.telephony.SwitchEvent.VoicemailStored;
import io.linea.cc.telephony.SwitchEvent.CallResolved;
import io.linea.cc.telephony.SwitchEvent.ChannelEntered;
import io.linea.cc.telephony.SwitchEvent.ChannelGone;
import io.linea.cc.telephony.SwitchEvent.ChannelHangingUp;
import io.linea.cc.telephony.SwitchEvent.CommandFailed;
import io.linea.cc.telephony.SwitchEvent.NodeConnected;
import io.linea.cc.telephony.SwitchEvent.NodeLost;
import io.linea.cc.telephony.SwitchEvent.PlaybackDone;
import io.linea.cc.telephony.SwitchEvent.TimerFired;
import io.linea.platform.problem.LineaProblemException;

/**
 * The first call path (TEL-01, TEL-04, TEL-05), to be replaced by the routing engine and
 * IVR: an inbound call to a tenant number hears the greeting in the tenant's language, then the
 * tenant's available agents ring one at a time, longest idle first, until one answers; outbound
 * calls ring the agent first and then the external number with the tenant's number as caller ID.
 * <p>
 * Every event of every node is handled on one engine thread, in arrival order, so call state needs
 * no locks. The engine never waits for Asterisk: its requests for a call (answer, play, originate,
 * bridge, hang up) run in order on that call's own lane of an I/O pool, so a slow request delays
 * only its own call; a failure that matters comes back as a {@link CommandFailed} event. Database
 * writes are queued as well (see {@link InteractionRecorder}).
 */
class CallEngine implements Consumer<SwitchEvent>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallEngine.class);

    /** Channel variables Asterisk carries for every call leg (DESIGN: tenant and interaction on the channel). */
    static final String TENANT_VARIABLE = "LINEA_TENANT_ID";
    static final String INTERACTION_VARIABLE = "LINEA_INTERACTION_ID";

    private static final Set<Integer> REJECT_CAUSES = Set.of(17, 21);

    private final TelephonyDirectory directory;
    /** Queues, the router and the work list (the routing path). */
    private final VoiceQueues queues;
    private final Prompts prompts;
    private final CallRecorder recorder;
    private final TenantProfile.Lookup profiles;
    private final Predicate<UUID> suspended;
    private final TelephonySettings settings;
    private final Clock clock;
    private final Consumer<Duration> latency;
    /** B4: from a caller joining a queue to Asterisk dialling the first agent offered (set by Telephony). */
    private volatile Consumer<Duration> offerLatency = d -> {
    };

    private final ThreadPoolExecutor engine = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread thread = new Thread(r, "call-engine");
                thread.setDaemon(true);
                return thread;
            });
    /** Where requests to the nodes run, each call's in order (see {@link #command}). */
    private final Executor io;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "call-timers");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, CallControl> nodes = new LinkedHashMap<>();
    private final Map<UUID, Call> calls = new HashMap<>();
    private final Map<String, Call> byChannel = new HashMap<>();
    private final Map<String, Call> byPlayback = new HashMap<>();
    /** Announcements outside any interaction (suspended tenant): playback id → channel. */
    private final Map<String, Announcement> announcements = new HashMap<>();
    private final Set<UUID> busyAgents = new HashSet<>();

    private record Announcement(CallControl control, String channelId) {
    }

    CallEngine(TelephonyDirectory directory, Prompts prompts, CallRecorder recorder, TenantProfile.Lookup profiles,
            Predicate<UUID> suspended, TelephonySettings settings, Clock clock, Consumer<Duration> latency,
            Executor io, VoiceQueues queues) {
        this.directory = directory;
        this.queues = queues;
        this.io = io;
        this.prompts = prompts;
        this.recorder = recorder;
        this.profiles = profiles;
        this.suspended = suspended;
        this.settings = settings;
        this.clock = clock;
        this.latency = latency;
    }

    /** Receives, for every queued call, the time from joining the queue to Asterisk dialling its first agent. */
    void offerLatency(Consumer<Duration> listener) {
        this.offerLatency = listener;
    }

    /** Queues an event from a node; it is handled on the engine thread. */
    @Override
    public void accept(SwitchEvent event) {
        engine.execute(() -> {
            // B3: how long Asterisk's events wait; the engine's own events (look-ups, timers) are not timed
            if (event instanceof ChannelEntered || event instanceof ChannelGone || event instanceof ChannelHangingUp
                    || event instanceof PlaybackDone || event instanceof DtmfReceived
                    || event instanceof RecordingDone) {
                latency.accept(Duration.between(event.at(), clock.instant()));
            }
            try {
                handle(event);
            } catch (RuntimeException e) {
                log.error("Handling {} failed", event, e);
            }
        });
    }

    /** Places an outbound call for an agent (TEL-05); completes with the interaction id once the agent leg rings. */
    CompletableFuture<UUID> place(AgentTarget agent, CallerNumber from, String to) {
        CompletableFuture<UUID> result = new CompletableFuture<>();
        engine.execute(() -> {
            try {
                result.complete(startOutbound(agent, from, to));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Waits until the engine has nothing left to handle, events its own handling queued included (tests). */
    void drain() {
        try {
            for (int i = 0; i < 1000; i++) {
                if (engine.submit(() -> engine.getQueue().isEmpty()).get(30, TimeUnit.SECONDS)) {
                    return;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("call engine did not drain", e);
        }
        throw new IllegalStateException("call engine kept getting events");
    }

    /** The calls in progress, counted on the engine thread: safe from any thread (tests, benchmarks). */
    int activeCalls() {
        try {
            return engine.submit(calls::size).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("call engine did not answer", e);
        }
    }

    private void handle(SwitchEvent event) {
        switch (event) {
            case ChannelEntered e -> entered(e);
            case ChannelGone e -> gone(e);
            case ChannelHangingUp e -> hangingUp(e);
            case PlaybackDone e -> playbackDone(e);
            case TimerFired e -> timer(e);
            case CommandFailed e -> commandFailed(e);
            case CallResolved e -> resolved(e);
            case AgentChosen e -> agentChosen(e);
            case NodeConnected e -> connected(e);
            case NodeLost e -> log.warn("Node {} lost; its calls are checked when it is back", e.node());
            case DtmfReceived e -> dtmf(e);
            case HoldChanged e -> holdChanged(e);
            case RecordingDone e -> recordingDone(e);
            case RoutingDecision e -> routed(e);
            case OfferReady e -> offerReady(e);
            case AnnounceDue e -> announceDue(e);
            case PromptReady e -> promptReady(e);
            case QueueReady e -> queueReady(e);
            case VoicemailStored e -> voicemailStored(e);
            case CallsRecovered e -> recovered(e);
            case DeclineDue e -> declineDue(e);
            case CallbackDue e -> callbackDue(e);
            case CallbackTimeChecked e -> callbackTimeChecked(e);
        }
    }

    /**
     * AGT-02: an agent who puts the caller on hold (or a caller who holds) sends no audio; Asterisk does
     * not play anything to the other party of an application's bridge by itself, so the bridge plays the
     * queue's music on hold until the call is resumed. Recorded as an event, for hold time in reports.
     */
    private void holdChanged(HoldChanged e) {
        Call call = byChannel.get(e.channelId());
        if (call == null || call.stage != Call.Stage.TALKING || call.bridgeId == null
                || (call.consultChannel != null && !call.conference)) {
            return; // during a transfer the caller hears music already
        }
        String bridge = call.bridgeId;
        if (e.held()) {
            command(call, () -> call.control.startBridgeMusicOnHold(bridge), null);
        } else {
            command(call, () -> call.control.stopBridgeMusicOnHold(bridge), null);
        }
        boolean byAgent = e.channelId().equals(call.secondaryChannel);
        AgentTarget agent = call.agent;
        recorder.event(call.tenantId, call.interactionId, e.held() ? InteractionEvent.Type.HELD
                : InteractionEvent.Type.RESUMED, e.at(), agent == null ? null : agent.agentId(),
                agent == null ? null : agent.displayName(), byAgent ? "by agent" : "by caller");
    }

    // --- inbound ------------------------------------------------------------------------------------

    private void entered(ChannelEntered e) {
        String kind = e.args().isEmpty() ? "" : e.args().get(0);
        switch (kind) {
            case "inbound" -> inbound(e);
            case "agent" -> legAnswered(e, false);
            case "external" -> legAnswered(e, true);
            case "consult" -> consultAnswered(e);
            default -> {
                CallControl control = nodes.get(e.node());
                recorder.operational("UNEXPECTED_CHANNEL", e.node(), "Channel " + e.channelId() + " entered with "
                        + e.args());
                if (control != null) {
                    request(() -> control.hangup(e.channelId(), HangupReason.CONGESTION));
                }
            }
        }
    }

    /** What the look-ups for an inbound call found (see {@link #resolve}). */
    record Resolution(String dialled, NumberRoute number, TenantProfile profile, boolean suspended,
            CarrierConfig carrier, String promptUri, RuntimeException error, VoiceQueues.QueueSetup queue) {

        Resolution(String dialled, NumberRoute number, TenantProfile profile, boolean suspended, CarrierConfig carrier,
                String promptUri, RuntimeException error) {
            this(dialled, number, profile, suspended, carrier, promptUri, error, null);
        }
    }

    /** Channels of inbound calls whose look-ups are under way; a caller who leaves meanwhile is removed. */
    private final Set<String> arriving = new HashSet<>();

    private void inbound(ChannelEntered e) {
        CallControl control = nodes.get(e.node());
        if (control == null) {
            log.warn("Call on unknown node {}", e.node());
            return;
        }
        String dialled = e.args().size() > 1 ? normalise(e.args().get(1)) : "";
        arriving.add(e.channelId());
        // the database and prompt synthesis are not waited for on the engine thread
        io.execute(() -> {
            Resolution resolution;
            try {
                resolution = resolve(dialled, e.callerNumber(), e.at());
            } catch (RuntimeException ex) {
                resolution = new Resolution(dialled, null, null, false, null, null, ex);
            }
            accept(new CallResolved(e.node(), clock.instant(), e, resolution));
        });
    }

    /** Off the engine thread: the number's route, its tenant's profile and state, the carrier, the prompt. */
    private Resolution resolve(String dialled, String caller, Instant at) {
        NumberRoute number = directory.route(dialled).orElse(null);
        if (number == null) {
            return new Resolution(dialled, null, null, false, null, null, null);
        }
        TenantProfile profile = profiles.of(number.tenantId());
        if (suspended.test(number.tenantId())) {
            String uri;
            try {
                uri = prompts.mediaUriFor("suspended", profile.language());
            } catch (RuntimeException ex) {
                log.warn("The suspension announcement could not be made: {}", ex.toString());
                uri = null;
            }
            return new Resolution(dialled, number, profile, true, null, uri, null);
        }
        CarrierConfig carrier = directory.carrier(number.carrierId()).orElse(null);
        String greeting;
        try {
            greeting = number.greeting() != null && !number.greeting().isBlank()
                    ? prompts.mediaUri(number.greeting(), profile.language())
                    : prompts.mediaUriFor("greeting", profile.language(), profile.displayName());
        } catch (RuntimeException ex) {
            // Without a greeting the caller still reaches an agent.
            log.warn("Greeting for {} could not be made: {}", dialled, ex.toString());
            greeting = null;
        }
        VoiceQueues.QueueSetup queue = null;
        if (number.target() == RouteTarget.QUEUE && number.queueId() != null) {
            queue = queues.setup(number.tenantId(), number.queueId(), caller, at).orElse(null);
        }
        return new Resolution(dialled, number, profile, false, carrier, greeting, null, queue);
    }

    private void resolved(CallResolved r) {
        ChannelEntered e = r.call();
        if (!arriving.remove(e.channelId())) {
            return; // the caller hung up while the look-ups ran
        }
        Resolution found = r.resolution();
        CallControl control = nodes.get(e.node());
        if (control == null) {
            log.warn("Call on unknown node {}", e.node());
            return;
        }
        if (found.error() != null) {
            notRouted(e, control, found.error());
            return;
        }
        String dialled = found.dialled();
        if (found.number() == null) {
            // 404 Not Found to the carrier: Q.850 cause 1 "unallocated number" (docs/telephony.md).
            recorder.operational("UNKNOWN_NUMBER", e.node(), "Call from " + e.callerNumber() + " to unknown number "
                    + dialled + " rejected");
            request(() -> control.hangup(e.channelId(), HangupReason.UNALLOCATED));
            return;
        }
        NumberRoute number = found.number();
        TenantProfile profile = found.profile();
        if (found.suspended()) {
            recorder.operational("TENANT_SUSPENDED", e.node(), "Call to " + dialled + " of suspended tenant "
                    + number.tenantId() + " announced and ended");
            String media = found.promptUri();
            if (media == null) {
                request(() -> control.hangup(e.channelId(), HangupReason.CONGESTION));
                return;
            }
            String playback = "lp-" + UUID.randomUUID();
            announcements.put(playback, new Announcement(control, e.channelId()));
            request(() -> {
                control.answer(e.channelId());
                control.play(e.channelId(), playback, media);
            });
            return;
        }
        Call call = new Call(UUID.randomUUID(), number.tenantId(), Interaction.Direction.INBOUND, control, dialled,
                e.callerNumber(), e.at(), profile.language(), profile.displayName(), found.carrier());
        call.primaryChannel = e.channelId();
        if (number.target() == RouteTarget.QUEUE) {
            call.queue = found.queue();
            call.queueMissing = found.queue() == null;
            call.priority = number.priority();
        }
        track(call);
        byChannel.put(e.channelId(), call);
        if (call.queue != null) {
            queues.arriving(new RoutingTask(call.interactionId, call.tenantId, call.queue.queueId(), Medium.VOICE,
                    call.priority, List.of(), e.at(), call.queue.preferredPerson(), false), handle(call));
        }
        recorder.opened(call.tenantId, new Interaction(call.interactionId, Interaction.Direction.INBOUND, dialled,
                e.callerNumber(), e.node(), e.at()), InteractionEvent.Type.OFFERED, "from " + e.callerNumber());
        transition(call, Call.Stage.GREETING);
        String channel = e.channelId();
        command(call, () -> {
            control.setVariable(channel, TENANT_VARIABLE, call.tenantId.toString());
            control.setVariable(channel, INTERACTION_VARIABLE, call.interactionId.toString());
            control.answer(channel);
        }, null);
        if (found.promptUri() == null) {
            afterGreeting(call);
            return;
        }
        play(call, found.promptUri());
        recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.GREETING, clock.instant(), null,
                null, profile.language());
    }

    /**
     * A lookup failed (the database) before the call was taken: without this the channel would wait in
     * Stasis, unanswered, until the carrier gives up; congestion (503) lets the carrier try another route.
     */
    private void notRouted(ChannelEntered e, CallControl control, RuntimeException cause) {
        recorder.operational("CALL_NOT_ROUTED", e.node(), "Call from " + e.callerNumber() + " to " + e.args()
                + " rejected: " + cause);
        request(() -> control.hangup(e.channelId(), HangupReason.CONGESTION));
    }

    private void playbackDone(PlaybackDone e) {
        Announcement announcement = announcements.remove(e.playbackId());
        if (announcement != null) {
            request(() -> announcement.control().hangup(announcement.channelId(), HangupReason.NORMAL));
            return;
        }
        Call call = byPlayback.remove(e.playbackId());
        if (call == null || !e.playbackId().equals(call.playbackId)) {
            return;
        }
        call.playbackId = null;
        if (e.failed()) {
            // the caller heard nothing: say so where people look (a prompt server or media cache is broken)
            log.warn("A prompt of {} could not be played", call);
            recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.FAILED, e.at(), null, null,
                    "prompt not played (" + call.stage.name().toLowerCase(java.util.Locale.ROOT) + ")");
            recorder.operational("PROMPT_FAILED", e.node(), "A prompt of interaction " + call.interactionId
                    + " could not be played");
        }
        if (call.afterPlayback != null) {
            Runnable next = call.afterPlayback;
            call.afterPlayback = null;
            next.run();
        } else if (call.stage == Call.Stage.GREETING) {
            afterGreeting(call);
        } else if (call.stage == Call.Stage.ANNOUNCING) {
            command(call, () -> call.control.hangup(call.primaryChannel, HangupReason.NORMAL), null);
        }
    }

    private void startWaiting(Call call) {
        transition(call, Call.Stage.WAITING);
        command(call, () -> call.control.startMusicOnHold(call.primaryChannel), null);
        ringNext(call);
    }

    /**
     * The agent to ring, chosen off the engine thread: the first of the tenant's available agents, longest
     * idle first, that is neither busy nor tried, with how to reach it; {@code unreachable} were skipped.
     */
    record Choice(AgentTarget agent, String dial, boolean anyAgents, Set<UUID> unreachable, boolean lookupFailed) {
    }

    /** Rings the longest-idle available agent not tried in this round; starts a new round after a pause. */
    private void ringNext(Call call) {
        if (call.choosing) {
            return; // a choice is under way and comes back as AgentChosen
        }
        call.choosing = true;
        Set<UUID> skip = new HashSet<>(busyAgents);
        skip.addAll(call.tried);
        UUID id = call.interactionId;
        io.execute(() -> {
            Choice choice;
            try {
                choice = choose(call, skip);
            } catch (RuntimeException ex) {
                // Without a retry the caller would stay on hold with nobody ringing and no timer left.
                log.warn("Could not list the agents to ring for {}: {}", call, ex.toString());
                choice = new Choice(null, null, false, Set.of(), true);
            }
            accept(new AgentChosen(call.node(), clock.instant(), id, choice));
        });
    }

    /** Off the engine thread: reads the agents (database) and, for endpoints, whether they are registered (ARI). */
    private Choice choose(Call call, Set<UUID> skip) {
        List<AgentTarget> all = directory.agentsToRing(call.tenantId);
        Set<UUID> unreachable = new HashSet<>();
        for (AgentTarget agent : all) {
            if (skip.contains(agent.agentId())) {
                continue;
            }
            String dial = dialString(call, agent);
            if (dial == null) {
                unreachable.add(agent.agentId());
                continue;
            }
            return new Choice(agent, dial, true, unreachable, false);
        }
        return new Choice(null, null, !all.isEmpty(), unreachable, false);
    }

    private void agentChosen(AgentChosen e) {
        Call call = calls.get(e.interactionId());
        if (call == null) {
            return;
        }
        call.choosing = false;
        if (call.stage != Call.Stage.WAITING) {
            return; // the caller moved on (an announcement) meanwhile
        }
        Choice choice = e.choice();
        call.tried.addAll(choice.unreachable());
        AgentTarget agent = choice.agent();
        if (agent != null && (busyAgents.contains(agent.agentId()) || call.tried.contains(agent.agentId()))) {
            ringNext(call); // another call took this agent meanwhile: choose again
            return;
        }
        if (agent != null) {
            ring(call, agent, choice.dial());
            return;
        }
        boolean nobody = !choice.lookupFailed() && !choice.anyAgents() && call.tried.isEmpty();
        if (nobody || !clock.instant().isBefore(call.startedAt.plus(settings.maxWait()))) {
            announceAndEnd(call, "no-agents");
            return;
        }
        call.tried.clear();
        UUID id = call.interactionId;
        timers.schedule(() -> accept(new TimerFired(call.node(), clock.instant(), id)),
                settings.retryPause().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ring(Call call, AgentTarget agent, String dial) {
        String channel = "la-" + UUID.randomUUID();
        busyAgents.add(agent.agentId());
        call.agent = agent;
        call.secondaryChannel = channel;
        call.ringingSince = clock.instant();
        byChannel.put(channel, call);
        transition(call, Call.Stage.RINGING);
        recorder.ringing(call.tenantId, call.interactionId, call.ringingSince, agent.agentId(), agent.displayName(),
                dial);
        String callerId = callerIdFor(call, dial);
        Map<String, String> variables = dial.contains("@") ? variables(call) : offerVariables(call);
        int timeout = (int) ringTimeout(call).toSeconds();
        Instant joined = call.joinedQueueAt;
        call.joinedQueueAt = null;
        command(call, () -> {
            call.control.originate(channel, dial, callerId, timeout, "agent," + call.interactionId, variables);
            if (joined != null) {
                offerLatency.accept(Duration.between(joined, clock.instant()));
            }
        }, ex -> failed(call, channel, CommandFailed.Command.ORIGINATE, ex));
        // Asterisk ends an unanswered originate itself; this guard also moves on if its
        // ChannelDestroyed never reaches the application.
        UUID id = call.interactionId;
        timers.schedule(() -> accept(new TimerFired(call.node(), clock.instant(), id)),
                ringTimeout(call).toMillis() + 1500, TimeUnit.MILLISECONDS);
    }

    private void timer(TimerFired e) {
        Call call = calls.get(e.interactionId());
        if (call == null) {
            return;
        }
        if (call.stage == Call.Stage.WAITING) {
            ringNext(call);
        } else if (call.stage == Call.Stage.ANNOUNCING && call.keys == Call.Keys.CALLBACK_OFFER) {
            // nobody pressed 1 after the callback offer: a missed call, and goodbye (ACD-14)
            call.keys = Call.Keys.NONE;
            missed(call);
            command(call, () -> call.control.hangup(call.primaryChannel, HangupReason.NORMAL), null);
        } else if (call.stage == Call.Stage.RINGING && call.direction == Interaction.Direction.INBOUND
                && call.secondaryChannel != null && call.ringingSince != null
                && !clock.instant().isBefore(call.ringingSince.plus(ringTimeout(call)).plusSeconds(1))) {
            String channel = call.secondaryChannel;
            byChannel.remove(channel);
            command(call, () -> call.control.hangup(channel, HangupReason.NORMAL), null);
            agentLegGone(call, new ChannelGone(e.node(), e.at(), channel, 19, "No answer (ring timeout)"));
        }
    }

    private void announceAndEnd(Call call, String promptKey) {
        transition(call, Call.Stage.ANNOUNCING);
        command(call, () -> call.control.stopMusicOnHold(call.primaryChannel), null);
        try {
            play(call, prompts.mediaUriFor(promptKey, call.language));
        } catch (RuntimeException ex) {
            // the prompt could not be made: hang up without it
            command(call, () -> call.control.hangup(call.primaryChannel, HangupReason.NORMAL), null);
        }
    }

    // --- answered legs --------------------------------------------------------------------------------

    private void legAnswered(ChannelEntered e, boolean external) {
        Call call = byChannel.get(e.channelId());
        if (call == null) {
            // The caller left while this leg rang: nobody is waiting for it.
            CallControl control = nodes.get(e.node());
            if (control != null) {
                request(() -> control.hangup(e.channelId(), HangupReason.NORMAL));
            }
            return;
        }
        if (call.direction == Interaction.Direction.OUTBOUND && !external) {
            dialExternal(call, e);
            return;
        }
        if (call.direction == Interaction.Direction.INBOUND && !external && call.stage == Call.Stage.RINGING) {
            if (call.routed && call.personId != null) {
                call.accepted = true;
                queues.accepted(call.interactionId, call.personId);
            }
            if (call.primaryChannel == null) {
                callbackDial(call, e); // the agent of a kept place answered: now the caller (ACD-10)
                return;
            }
            if (call.keptPlace) {
                // the turn came while the caller still heard the confirmation: connected at once, callback done
                stopPlayback(call);
                UUID item = call.callbackItem == null ? null : call.callbackItem.getNow(null);
                if (item != null) {
                    io.execute(() -> safely(() -> queues.callbackAttempted(call.tenantId, item, true)));
                }
            }
        }
        if (call.stage == Call.Stage.CALLBACK_DIALLING) {
            recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.CALLBACK_ATTEMPTED, e.at(), null,
                    null, "reached " + call.remoteNumber);
            UUID item = call.callbackItem == null ? null : call.callbackItem.getNow(null);
            if (item != null) {
                io.execute(() -> safely(() -> queues.callbackAttempted(call.tenantId, item, true)));
            }
        }
        call.answeredAt = e.at();
        Duration ring = call.ringingSince == null ? null : Duration.between(call.ringingSince, e.at());
        String bridge = "lb-" + call.interactionId;
        call.bridgeId = bridge;
        transition(call, Call.Stage.TALKING);
        String primary = call.primaryChannel;
        String secondary = call.secondaryChannel;
        command(call, () -> call.control.stopMusicOnHold(primary), null);
        command(call, () -> call.control.bridge(bridge, primary, secondary),
                ex -> failed(call, secondary, CommandFailed.Command.BRIDGE, ex));
        AgentTarget agent = call.agent;
        recorder.answered(call.tenantId, call.interactionId, e.at(), agent == null ? null : agent.agentId(),
                agent == null ? null : agent.displayName(), ring);
        if (call.routed) {
            queues.handle(call.interactionId, handle(call));
        }
    }

    // --- hang-ups -------------------------------------------------------------------------------------

    private void gone(ChannelGone e) {
        arriving.remove(e.channelId());
        Call call = byChannel.remove(e.channelId());
        if (call == null) {
            return;
        }
        call.gone.add(e.channelId());
        if (e.channelId().equals(call.consultChannel)) {
            consultGone(call, e.at(), e.cause() + " " + e.causeText());
            return;
        }
        boolean primary = e.channelId().equals(call.primaryChannel);
        if (call.direction == Interaction.Direction.INBOUND) {
            if (primary) {
                callerLeft(call, e);
            } else {
                agentLegGone(call, e);
            }
        } else {
            outboundLegGone(call, e, primary);
        }
    }

    /**
     * An inbound caller's hang-up request comes before the PlaybackFinished of an interrupted greeting;
     * acting on it keeps that caller from being offered to an agent. Other legs wait for ChannelGone,
     * which carries the cause (busy, rejected, no answer).
     */
    private void hangingUp(ChannelHangingUp e) {
        arriving.remove(e.channelId());
        Call call = byChannel.get(e.channelId());
        if (call != null && call.direction == Interaction.Direction.INBOUND && e.channelId().equals(call.primaryChannel)) {
            gone(new ChannelGone(e.node(), e.at(), e.channelId(), 16, "Normal Clearing"));
        }
    }

    private void callerLeft(Call call, ChannelGone e) {
        if (call.queue != null || call.queueMissing) {
            if (routedCallerLeft(call, e)) {
                return;
            }
        }
        switch (call.stage) {
            case GREETING -> end(call, Interaction.State.ABANDONED, e.at(), "CALLER_HANGUP", Interaction.Stage.GREETING);
            case WAITING -> end(call, Interaction.State.ABANDONED, e.at(), "CALLER_HANGUP", Interaction.Stage.WAITING);
            case RINGING -> end(call, Interaction.State.ABANDONED, e.at(), "CALLER_HANGUP", Interaction.Stage.RINGING);
            case TALKING -> end(call, Interaction.State.ENDED, e.at(), "CALLER_HANGUP", null);
            case ANNOUNCING -> end(call, Interaction.State.ENDED, e.at(),
                    call.endReason == null ? "NO_AGENT" : call.endReason, null);
            default -> end(call, Interaction.State.ENDED, e.at(), "CALLER_HANGUP", null);
            case DIALLING -> end(call, Interaction.State.ENDED, e.at(), "CALLER_HANGUP", null);
        }
    }

    private void agentLegGone(Call call, ChannelGone e) {
        if (!e.channelId().equals(call.secondaryChannel)) {
            return;
        }
        if (call.stage == Call.Stage.TALKING && call.consultChannel != null) {
            firstAgentLeft(call, e.at());
            return;
        }
        if (call.stage == Call.Stage.TALKING || call.stage == Call.Stage.CALLBACK_DIALLING) {
            end(call, Interaction.State.ENDED, e.at(), "AGENT_HANGUP", null);
            return;
        }
        AgentTarget agent = call.agent;
        InteractionEvent.Type type = REJECT_CAUSES.contains(e.cause()) ? InteractionEvent.Type.AGENT_REJECTED
                : InteractionEvent.Type.AGENT_NO_ANSWER;
        recorder.event(call.tenantId, call.interactionId, type, e.at(), agent == null ? null : agent.agentId(),
                agent == null ? null : agent.displayName(), "cause " + e.cause() + " " + e.causeText());
        if (call.routed || call.directAgent) {
            routedLegGone(call);
            return;
        }
        if (agent != null) {
            call.tried.add(agent.agentId());
        }
        releaseAgent(call, false);
        call.secondaryChannel = null;
        transition(call, Call.Stage.WAITING);
        ringNext(call);
    }

    // --- transfer and conference (AGT-03) --------------------------------------------------------------

    /** What the agent on a call does with a transfer under way. */
    enum TransferStep {
        /** The consulted agent gets the call; the first one leaves. */
        COMPLETE,
        /** The consulted agent's leg ends; the first agent is back with the caller. */
        CANCEL,
        /** All three talk in the caller's bridge. */
        CONFERENCE
    }

    /**
     * AGT-03: rings {@code target} for the inbound call {@code byAgent} talks on. Attended: the caller hears
     * music while the two agents talk, then {@link #transferStep} completes, cancels or joins all three.
     * Blind: the first agent leaves at once and the caller is connected when the target answers.
     * Completes once the target's phone is dialled; fails with a problem the agent's request reports.
     */
    CompletableFuture<Void> consult(UUID tenantId, UUID interactionId, UUID byAgent, AgentTarget target,
            boolean blind) {
        return onEngine(() -> transferable(tenantId, interactionId, byAgent, target))
                .thenApplyAsync(call -> {
                    String dial = dialString(call, target); // asks the node whether the endpoint is registered
                    if (dial == null) {
                        throw LineaProblemException.conflict("call.agent-unreachable");
                    }
                    return dial;
                }, io)
                .thenCompose(dial -> onEngine(() -> {
                    startConsult(transferable(tenantId, interactionId, byAgent, target), target, dial, blind);
                    return null;
                }));
    }

    /**
     * AGT-03: hands the inbound call {@code byAgent} talks on to a queue of the tenant. The agent's leg ends
     * and they go on to wrap-up; the caller hears the queue's music and keeps their place in time (the first
     * arrival counts), and the routing engine offers the call to the queue's members as any other.
     */
    CompletableFuture<Void> transferToQueue(UUID tenantId, UUID interactionId, UUID byAgent, UUID queueId) {
        return onEngine(() -> talkingWithoutTransfer(tenantId, interactionId, byAgent))
                .thenApplyAsync(call -> queues.setup(tenantId, queueId, call.remoteNumber, clock.instant())
                        .orElseThrow(() -> LineaProblemException.notFound("queue")), io)
                .thenCompose(queue -> onEngine(() -> {
                    requeue(talkingWithoutTransfer(tenantId, interactionId, byAgent), queue);
                    return null;
                }));
    }

    /**
     * AGT-03: hands the inbound call {@code byAgent} talks on to an external number, dialled through the carrier
     * of the call's tenant number with that number as caller ID (blind). The agent's leg ends at once and the
     * router lets them go to wrap-up; the caller hears music until the number answers and is then bridged with
     * it. Nobody answering: the caller hears the "no agents" message and the call goes on the work list.
     */
    CompletableFuture<Void> transferToNumber(UUID tenantId, UUID interactionId, UUID byAgent, String e164) {
        return onEngine(() -> {
            Call call = talkingWithoutTransfer(tenantId, interactionId, byAgent);
            if (call.carrier == null) {
                throw LineaProblemException.conflict("call.not-transferable");
            }
            AgentTarget number = new AgentTarget(tenantId, null, null, e164, AgentReach.MOBILE, null, e164);
            startConsult(call, number, "PJSIP/" + e164 + "@" + call.carrier.endpointId(), true);
            leaveRouter(call); // nobody in Linea handles it any more: the agent goes to wrap-up
            call.personId = null;
            return null;
        });
    }

    /** The inbound call the agent talks on, with no transfer under way: what goes to a queue or a number. */
    private Call talkingWithoutTransfer(UUID tenantId, UUID interactionId, UUID byAgent) {
        Call call = talkingCallOf(tenantId, interactionId, byAgent);
        if (call.consultChannel != null) {
            throw LineaProblemException.conflict("call.transfer-in-progress");
        }
        return call;
    }

    private void requeue(Call call, VoiceQueues.QueueSetup queue) {
        Instant now = clock.instant();
        AgentTarget first = call.agent;
        String leg = call.secondaryChannel;
        byChannel.remove(leg);
        call.gone.add(leg);
        call.secondaryChannel = null;
        command(call, () -> call.control.hangup(leg, HangupReason.NORMAL), null);
        String bridge = call.bridgeId;
        call.bridgeId = null;
        command(call, () -> call.control.destroyBridge(bridge), null);
        leaveRouter(call); // the first agent goes to the first queue's wrap-up
        agentFree(first, true);
        call.agent = null;
        call.personId = null;
        call.directAgent = false;
        call.tried.clear();
        call.unreachable.clear();
        recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.TRANSFERRED, now, null, null,
                "from " + first.displayName() + " to queue " + queue.name());
        call.queue = queue;
        call.queueMissing = false;
        if (queue.open()) {
            enqueue(call, call.enqueuedAt == null ? call.startedAt : call.enqueuedAt);
        } else {
            overflow(call, OverflowReason.CLOSED);
        }
    }

    /** AGT-03: completes, cancels or turns into a conference the transfer {@code byAgent} started. */
    CompletableFuture<Void> transferStep(UUID tenantId, UUID interactionId, UUID byAgent, TransferStep step) {
        return onEngine(() -> {
            Call call = talkingCallOf(tenantId, interactionId, byAgent);
            if (call.consultChannel == null || call.blindTransfer) {
                throw LineaProblemException.conflict("call.no-transfer");
            }
            switch (step) {
                case CANCEL -> {
                    if (call.conference) {
                        throw LineaProblemException.conflict("call.no-transfer");
                    }
                    cancelConsult(call, clock.instant(), "cancelled by " + call.agent.displayName());
                }
                case COMPLETE -> {
                    if (!call.consultAnswered) {
                        throw LineaProblemException.conflict("call.transfer-not-answered");
                    }
                    completeTransfer(call, clock.instant(), call.conference ? "left the conference" : "attended");
                }
                case CONFERENCE -> {
                    if (!call.consultAnswered || call.conference) {
                        throw LineaProblemException.conflict("call.transfer-not-answered");
                    }
                    startConference(call, clock.instant());
                }
            }
            return null;
        });
    }

    /** What the agent's transfer panel shows: whether the consulted agent rings, talks, or all three talk. */
    record TransferState(String state, UUID agentId, String agentName) {
    }

    /** AGT-03: the transfer of the call {@code byAgent} talks on, {@code NONE} when there is none (any more). */
    CompletableFuture<TransferState> transferState(UUID tenantId, UUID interactionId, UUID byAgent) {
        return onEngine(() -> {
            Call call = calls.get(interactionId);
            if (call == null || !call.tenantId.equals(tenantId)) {
                throw LineaProblemException.notFound("interaction");
            }
            if (call.agent == null || !byAgent.equals(call.agent.agentId()) || call.consultChannel == null
                    || call.blindTransfer) {
                return new TransferState("NONE", null, null);
            }
            String state = call.conference ? "CONFERENCE" : call.consultAnswered ? "TALKING" : "RINGING";
            return new TransferState(state, call.consultAgent.agentId(), call.consultAgent.displayName());
        });
    }

    /**
     * AGT-02: ends {@code byAgent}'s own leg of the call from the server, as their phone's BYE would; the
     * softphone asks for it when it hangs up while its connection is lost, so the caller is not left on a
     * silent line. The call then ends as if the agent had hung up (the caller of an inbound call, the far end
     * of an outbound one); a consulted agent only leaves the consultation.
     */
    CompletableFuture<Void> hangup(UUID tenantId, UUID interactionId, UUID byAgent) {
        return onEngine(() -> {
            Call call = calls.get(interactionId);
            if (call == null || !call.tenantId.equals(tenantId)) {
                throw LineaProblemException.notFound("interaction");
            }
            String leg;
            if (call.agent != null && byAgent.equals(call.agent.agentId())) {
                leg = call.direction == Interaction.Direction.OUTBOUND ? call.primaryChannel : call.secondaryChannel;
            } else if (call.consultAgent != null && byAgent.equals(call.consultAgent.agentId())) {
                leg = call.consultChannel;
            } else {
                throw new LineaProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "call.not-yours");
            }
            if (leg != null && !call.gone.contains(leg)) {
                command(call, () -> call.control.hangup(leg, HangupReason.NORMAL), null);
            }
            return null;
        });
    }

    private <T> CompletableFuture<T> onEngine(java.util.function.Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        engine.execute(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** The tenant's inbound call that this agent is talking on; other tenants' calls are not found. */
    private Call talkingCallOf(UUID tenantId, UUID interactionId, UUID agentId) {
        Call call = calls.get(interactionId);
        if (call == null || !call.tenantId.equals(tenantId)) {
            throw LineaProblemException.notFound("interaction");
        }
        if (call.agent == null || !agentId.equals(call.agent.agentId())) {
            throw new LineaProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "call.not-yours");
        }
        if (call.stage != Call.Stage.TALKING || call.direction != Interaction.Direction.INBOUND) {
            throw LineaProblemException.conflict("call.not-transferable");
        }
        return call;
    }

    private Call transferable(UUID tenantId, UUID interactionId, UUID byAgent, AgentTarget target) {
        Call call = talkingCallOf(tenantId, interactionId, byAgent);
        if (call.consultChannel != null) {
            throw LineaProblemException.conflict("call.transfer-in-progress");
        }
        if (target.agentId().equals(byAgent) || busyAgents.contains(target.agentId())) {
            throw LineaProblemException.conflict("call.agent-busy");
        }
        return call;
    }

    private void startConsult(Call call, AgentTarget target, String dial, boolean blind) {
        String channel = "lc-" + UUID.randomUUID();
        AgentTarget first = call.agent;
        call.consultChannel = channel;
        call.consultAgent = target;
        call.consultAnswered = false;
        call.blindTransfer = blind;
        byChannel.put(channel, call);
        busyAgents.add(target.agentId());
        String bridge = call.bridgeId;
        command(call, () -> call.control.startBridgeMusicOnHold(bridge), null);
        if (blind) {
            // the first agent is done with the call: their leg ends, they go on to wrap-up when the target answers
            String leg = call.secondaryChannel;
            byChannel.remove(leg);
            call.gone.add(leg);
            command(call, () -> call.control.hangup(leg, HangupReason.NORMAL), null);
            agentFree(first, true);
        } else {
            // the first agent waits in a bridge of their own (Asterisk takes them out of the caller's)
            String consultBridge = "lk-" + call.interactionId;
            call.consultBridgeId = consultBridge;
            String leg = call.secondaryChannel;
            command(call, () -> call.control.bridge(consultBridge, leg), null);
        }
        recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.CONSULTING, clock.instant(),
                target.agentId(), target.displayName(), (blind ? "blind transfer from " : "consulted by ")
                        + first.displayName() + " via " + dial);
        Map<String, String> variables = dial.contains("@") ? variables(call) : offerVariables(call);
        if (!dial.contains("@")) {
            variables.put(header("Transfer-From"), headerText(first.displayName()));
        }
        String callerId = callerIdFor(call, dial);
        int timeout = (int) ringTimeout(call).toSeconds();
        command(call, () -> call.control.originate(channel, dial, callerId, timeout, "consult," + call.interactionId,
                variables), ex -> failed(call, channel, CommandFailed.Command.ORIGINATE, ex));
    }

    private void consultAnswered(ChannelEntered e) {
        Call call = byChannel.get(e.channelId());
        if (call == null || !e.channelId().equals(call.consultChannel)) {
            CallControl control = nodes.get(e.node());
            if (control != null) {
                request(() -> control.hangup(e.channelId(), HangupReason.NORMAL));
            }
            return;
        }
        call.consultAnswered = true;
        AgentTarget target = call.consultAgent;
        recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.CONSULTED, e.at(), target.agentId(),
                target.displayName(), null);
        if (call.blindTransfer) {
            completeTransfer(call, e.at(), "blind");
            return;
        }
        String consultBridge = call.consultBridgeId;
        String leg = call.consultChannel;
        command(call, () -> call.control.addToBridge(consultBridge, leg), null);
    }

    /** The consulted agent takes over: into the caller's bridge, the music stops, the first agent leaves. */
    private void completeTransfer(Call call, Instant at, String how) {
        AgentTarget first = call.agent;
        AgentTarget target = call.consultAgent;
        String bridge = call.bridgeId;
        String leg = call.consultChannel;
        String firstLeg = call.secondaryChannel;
        if (!call.conference) {
            command(call, () -> call.control.addToBridge(bridge, leg), null);
            command(call, () -> call.control.stopBridgeMusicOnHold(bridge), null);
        }
        if (call.consultBridgeId != null) {
            String consultBridge = call.consultBridgeId;
            command(call, () -> call.control.destroyBridge(consultBridge), null);
        }
        if (firstLeg != null && !call.gone.contains(firstLeg)) {
            byChannel.remove(firstLeg);
            call.gone.add(firstLeg);
            command(call, () -> call.control.hangup(firstLeg, HangupReason.NORMAL), null);
        }
        if (!call.blindTransfer) {
            agentFree(first, true); // a blind transfer freed the first agent when it started
        }
        call.agent = target;
        call.secondaryChannel = leg;
        if (call.personId != null) {
            call.personId = target.userId();
        }
        clearConsult(call);
        if (call.routed && call.accepted && target.userId() != null) {
            queues.transferred(call.interactionId, target.userId());
            queues.handle(call.interactionId, handle(call));
        }
        recorder.transferred(call.tenantId, call.interactionId, at, target.agentId(), target.displayName(),
                "from " + first.displayName() + " (" + how + ")");
    }

    /** Attended, not answered yet or given up: the consulted leg ends and the first agent is back with the caller. */
    private void cancelConsult(Call call, Instant at, String why) {
        AgentTarget target = call.consultAgent;
        String leg = call.consultChannel;
        if (!call.gone.contains(leg)) {
            byChannel.remove(leg);
            call.gone.add(leg);
            command(call, () -> call.control.hangup(leg, HangupReason.NORMAL), null);
        }
        agentFree(target, call.consultAnswered);
        String bridge = call.bridgeId;
        String firstLeg = call.secondaryChannel;
        command(call, () -> call.control.addToBridge(bridge, firstLeg), null);
        command(call, () -> call.control.stopBridgeMusicOnHold(bridge), null);
        String consultBridge = call.consultBridgeId;
        command(call, () -> call.control.destroyBridge(consultBridge), null);
        clearConsult(call);
        recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.TRANSFER_CANCELLED, at,
                target.agentId(), target.displayName(), why);
    }

    private void startConference(Call call, Instant at) {
        String bridge = call.bridgeId;
        String firstLeg = call.secondaryChannel;
        String leg = call.consultChannel;
        command(call, () -> call.control.stopBridgeMusicOnHold(bridge), null);
        command(call, () -> call.control.addToBridge(bridge, firstLeg), null);
        command(call, () -> call.control.addToBridge(bridge, leg), null);
        String consultBridge = call.consultBridgeId;
        command(call, () -> call.control.destroyBridge(consultBridge), null);
        call.consultBridgeId = null;
        call.conference = true;
        AgentTarget target = call.consultAgent;
        recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.CONFERENCED, at, target.agentId(),
                target.displayName(), "with " + call.agent.displayName());
    }

    /** The consulted agent's leg ended: rejected, not answered, failed, hung up in the consultation or the conference. */
    private void consultGone(Call call, Instant at, String cause) {
        AgentTarget target = call.consultAgent;
        if (call.conference) {
            agentFree(target, true);
            clearConsult(call);
            recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.CONFERENCE_LEFT, at,
                    target.agentId(), target.displayName(), "cause " + cause);
        } else if (call.blindTransfer) {
            // nobody took the call: it goes on the work list as missed, so someone calls back (ACD-14)
            agentFree(target, false);
            clearConsult(call);
            recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.TRANSFER_CANCELLED, at,
                    target.agentId(), target.displayName(), "not answered: cause " + cause);
            String bridge = call.bridgeId;
            command(call, () -> call.control.stopBridgeMusicOnHold(bridge), null);
            call.secondaryChannel = null;
            missed(call);
            call.endReason = "TRANSFER_FAILED";
            announceAndEnd(call, "no-agents");
        } else {
            cancelConsult(call, at, "cause " + cause);
        }
    }

    /** The first agent hung up during a transfer: it completes when the target talks, else it becomes blind. */
    private void firstAgentLeft(Call call, Instant at) {
        if (call.conference || call.consultAnswered) {
            completeTransfer(call, at, call.conference ? "left the conference" : "attended, first agent hung up");
            return;
        }
        call.blindTransfer = true;
        call.secondaryChannel = null;
        agentFree(call.agent, true);
        if (call.consultBridgeId != null) {
            String consultBridge = call.consultBridgeId;
            command(call, () -> call.control.destroyBridge(consultBridge), null);
            call.consultBridgeId = null;
        }
    }

    private static void clearConsult(Call call) {
        call.consultChannel = null;
        call.consultAgent = null;
        call.consultBridgeId = null;
        call.consultAnswered = false;
        call.blindTransfer = false;
        call.conference = false;
    }

    // --- outbound -------------------------------------------------------------------------------------

    private UUID startOutbound(AgentTarget agent, CallerNumber from, String to) {
        CallControl control = nodes.values().stream().findFirst()
                .orElseThrow(() -> new LineaProblemException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                        "telephony.unavailable"));
        if (busyAgents.contains(agent.agentId())) {
            throw LineaProblemException.conflict("call.agent-busy");
        }
        if (from.carrier() == null) {
            // the number's carrier is disabled: there is no trunk to dial out through
            throw new LineaProblemException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "telephony.unavailable");
        }
        TenantProfile profile = profiles.of(agent.tenantId());
        Call call = new Call(UUID.randomUUID(), agent.tenantId(), Interaction.Direction.OUTBOUND, control, from.e164(),
                to, clock.instant(), profile.language(), profile.displayName(), from.carrier());
        String dial = dialString(call, agent);
        if (dial == null) {
            throw LineaProblemException.conflict("call.agent-unreachable");
        }
        call.agent = agent;
        call.primaryChannel = "la-" + UUID.randomUUID();
        track(call);
        byChannel.put(call.primaryChannel, call);
        busyAgents.add(agent.agentId());
        recorder.opened(call.tenantId, new Interaction(call.interactionId, Interaction.Direction.OUTBOUND, from.e164(),
                to, control.node(), call.startedAt), InteractionEvent.Type.DIALLING, "agent " + dial + " for " + to);
        transition(call, Call.Stage.RINGING);
        try {
            control.originate(call.primaryChannel, dial, "\"" + to + "\" <" + to + ">", timeoutSeconds(),
                    "agent," + call.interactionId, dial.contains("@") ? variables(call) : offerVariables(call));
        } catch (RuntimeException ex) {
            end(call, Interaction.State.FAILED, clock.instant(), "AGENT_UNREACHABLE", null);
            throw new LineaProblemException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "telephony.unavailable");
        }
        return call.interactionId;
    }

    private void dialExternal(Call call, ChannelEntered agentLeg) {
        transition(call, Call.Stage.DIALLING);
        command(call, () -> call.control.startMusicOnHold(call.primaryChannel), null);
        String channel = "lx-" + UUID.randomUUID();
        call.secondaryChannel = channel;
        call.ringingSince = agentLeg.at();
        byChannel.put(channel, call);
        String dial = "PJSIP/" + call.remoteNumber + "@" + call.carrier.endpointId();
        recorder.ringing(call.tenantId, call.interactionId, agentLeg.at(), call.agent.agentId(),
                call.agent.displayName(), dial);
        String callerId = "\"" + call.displayName + "\" <" + call.tenantNumber + ">";
        Map<String, String> variables = variables(call);
        int timeout = timeoutSeconds() * 3;
        command(call, () -> call.control.originate(channel, dial, callerId, timeout, "external," + call.interactionId,
                variables), ex -> failed(call, channel, CommandFailed.Command.ORIGINATE, ex));
    }

    private void outboundLegGone(Call call, ChannelGone e, boolean agentLeg) {
        if (call.stage == Call.Stage.TALKING) {
            end(call, Interaction.State.ENDED, e.at(), agentLeg ? "AGENT_HANGUP" : "REMOTE_HANGUP", null);
        } else if (agentLeg) {
            end(call, Interaction.State.ENDED, e.at(), call.stage == Call.Stage.RINGING
                    ? (REJECT_CAUSES.contains(e.cause()) ? "AGENT_REJECTED" : "AGENT_NO_ANSWER") : "AGENT_CANCELLED",
                    null);
        } else {
            String reason = switch (e.cause()) {
                case 17 -> "REMOTE_BUSY";
                case 18, 19 -> "REMOTE_NO_ANSWER";
                case 21 -> "REMOTE_REJECTED";
                default -> "REMOTE_UNREACHABLE";
            };
            end(call, Interaction.State.ENDED, e.at(), reason, null);
        }
    }

    // --- routing path (ACD-01 … ACD-14, IVR-09) -------------------------------------------------------

    /** Voicemail messages are cut off after this long (IVR-09), or after this much silence. */
    private static final int VOICEMAIL_MAX_SECONDS = 180;
    private static final int VOICEMAIL_MAX_SILENCE_SECONDS = 10;
    /** Overflows of one call before it ends in voicemail whatever the configuration says (queues overflowing in a loop). */
    private static final int MAX_OVERFLOWS = 3;

    private final Map<String, Call> byRecording = new HashMap<>();

    /** The router's decisions for voice come back to the engine thread as events. */
    RoutingHandler routingHandler() {
        return new RoutingHandler() {
            @Override
            public void offered(RoutingEvent.Offered offer) {
                accept(new RoutingDecision("", clock.instant(), offer));
            }

            @Override
            public void withdrawn(RoutingEvent.OfferWithdrawn withdrawal) {
                accept(new RoutingDecision("", clock.instant(), withdrawal));
            }

            @Override
            public void overflowed(RoutingEvent.Overflowed overflow) {
                accept(new RoutingDecision("", clock.instant(), overflow));
            }
        };
    }

    private void afterGreeting(Call call) {
        if (call.queueMissing) {
            missed(call);
            announceAndEnd(call, "no-agents");
        } else if (call.queue != null) {
            if (call.queue.open()) {
                enqueue(call, clock.instant());
            } else {
                overflow(call, OverflowReason.CLOSED);
            }
        } else {
            startWaiting(call);
        }
    }

    /** Puts the call in its queue with music on hold; {@code since} keeps an overflowing caller's place in time. */
    private void enqueue(Call call, Instant since) {
        VoiceQueues.QueueSetup queue = call.queue;
        if (call.enqueuedAt == null) {
            call.enqueuedAt = since;
        }
        call.joinedQueueAt = clock.instant();
        transition(call, Call.Stage.QUEUED);
        call.routed = true;
        call.accepted = false;
        call.keys = queue.routing().callbackOffer() || queue.routing().voicemailOption() ? Call.Keys.QUEUE_MENU
                : Call.Keys.NONE;
        command(call, () -> call.control.startMusicOnHold(call.primaryChannel), null);
        recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.QUEUED, clock.instant(), null, null,
                queue.name() + (call.priority > 0 ? " (priority " + call.priority + ")" : ""));
        queues.enqueue(new RoutingTask(call.interactionId, call.tenantId, queue.queueId(), Medium.VOICE,
                call.priority, List.of(), call.enqueuedAt, queue.preferredPerson(), false), handle(call));
        if (announces(queue)) {
            scheduleAnnouncement(call, Duration.ofSeconds(1));
        }
    }

    private static boolean announces(VoiceQueues.QueueSetup queue) {
        var r = queue.routing();
        return r.announcePosition() || r.announceWait() || r.callbackOffer() || r.voicemailOption();
    }

    private void scheduleAnnouncement(Call call, Duration after) {
        UUID id = call.interactionId;
        timers.schedule(() -> accept(new AnnounceDue(call.node(), clock.instant(), id)), after.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Position, expected wait and the keys the caller may press, spoken over the music (ACD-09, ACD-10). */
    private void announceDue(AnnounceDue e) {
        Call call = calls.get(e.interactionId());
        if (call == null || call.stage != Call.Stage.QUEUED || call.keptPlace) {
            return;
        }
        var rules = call.queue.routing();
        scheduleAnnouncement(call, Duration.ofSeconds(rules.announceIntervalSeconds()));
        if (call.playbackId != null || call.keys == Call.Keys.CALLBACK_TIME) {
            return; // still speaking, or the caller is typing a time
        }
        UUID id = call.interactionId;
        say(call, Call.Stage.QUEUED, () -> {
            StringBuilder text = new StringBuilder();
            int position = queues.position(id);
            if (rules.announcePosition() && position > 0) {
                text.append(prompts.text("queue-position", call.language, position)).append(' ');
            }
            if (rules.announceWait() && position > 0) {
                queues.expectedWait(id).ifPresent(wait -> {
                    long minutes = (wait.toSeconds() + 59) / 60;
                    text.append(minutes <= 1 ? prompts.text("queue-wait-short", call.language)
                            : prompts.text("queue-wait", call.language, minutes)).append(' ');
                });
            }
            if (rules.callbackOffer()) {
                text.append(prompts.text("queue-press-callback", call.language)).append(' ');
            }
            if (rules.voicemailOption()) {
                text.append(prompts.text("queue-press-voicemail", call.language));
            }
            return text.toString().strip();
        }, () -> {
            if (call.stage == Call.Stage.QUEUED && !call.keptPlace) {
                command(call, () -> call.control.startMusicOnHold(call.primaryChannel), null);
            }
        });
    }

    /**
     * Synthesises a prompt off the engine thread, then plays it if the call is still at {@code stage}
     * (music on hold stops meanwhile) and runs {@code then} when it ends.
     */
    private void say(Call call, Call.Stage stage, java.util.function.Supplier<String> text, Runnable then) {
        UUID id = call.interactionId;
        String language = call.language;
        io.execute(() -> {
            String uri;
            try {
                String words = text.get();
                uri = words.isBlank() ? null : prompts.mediaUri(words, language);
            } catch (RuntimeException ex) {
                log.warn("A prompt for {} could not be made: {}", id, ex.toString());
                uri = null;
            }
            accept(new PromptReady(call.node(), clock.instant(), id, stage, uri, then));
        });
    }

    private void promptReady(PromptReady e) {
        Call call = calls.get(e.interactionId());
        if (call == null || call.stage != e.stage() || call.primaryChannel == null) {
            return;
        }
        if (e.mediaUri() == null) {
            e.then().run();
            return;
        }
        command(call, () -> call.control.stopMusicOnHold(call.primaryChannel), null);
        stopPlayback(call);
        play(call, e.mediaUri());
        call.afterPlayback = e.then();
    }

    private void stopPlayback(Call call) {
        if (call.playbackId != null) {
            String playback = call.playbackId;
            byPlayback.remove(playback);
            call.playbackId = null;
            call.afterPlayback = null;
            command(call, () -> call.control.stopPlayback(playback), null);
        }
    }

    private void routed(RoutingDecision e) {
        switch (e.decision()) {
            case RoutingEvent.Offered offer -> offered(offer);
            case RoutingEvent.OfferWithdrawn withdrawal -> withdrawn(withdrawal);
            case RoutingEvent.Overflowed overflow -> {
                Call call = calls.get(overflow.taskId());
                if (call != null && call.routed) {
                    call.routed = false;
                    overflow(call, overflow.reason());
                }
            }
            case RoutingEvent.PresenceChanged ignored -> {
            }
        }
    }

    /** The router chose an agent: how to reach them is found off the engine thread (TEL-04), then they ring. */
    private void offered(RoutingEvent.Offered offer) {
        Call call = calls.get(offer.taskId());
        if (call == null || !call.routed) {
            return; // the call ended meanwhile; the router was told
        }
        if ((call.stage != Call.Stage.QUEUED && call.stage != Call.Stage.CALLBACK_WAIT) || call.personId != null) {
            queues.declined(offer.taskId(), offer.personId());
            return;
        }
        call.personId = offer.personId();
        UUID id = call.interactionId;
        AgentTarget known = directory.recentAgent(offer.tenantId(), offer.agentId()).orElse(null);
        if (known != null && (known.reach() != AgentReach.ENDPOINT || known.endpointId() == null)) {
            // a mobile is rung at once: no round trip between the decision and the agent's phone (B4);
            // an endpoint's registration is asked of the node first, off this thread
            offerReady(new OfferReady(call.node(), clock.instant(), id, offer.personId(), known,
                    dialString(call, known)));
            return;
        }
        io.execute(() -> {
            AgentTarget agent = known;
            String dial = null;
            try {
                if (agent == null) {
                    agent = directory.agent(offer.tenantId(), offer.agentId()).orElse(null);
                }
                dial = agent == null ? null : dialString(call, agent);
            } catch (RuntimeException ex) {
                log.warn("Could not look up agent {} for {}: {}", offer.agentId(), id, ex.toString());
            }
            accept(new OfferReady(call.node(), clock.instant(), id, offer.personId(), agent, dial));
        });
    }

    private void offerReady(OfferReady e) {
        Call call = calls.get(e.interactionId());
        if (call == null) {
            return;
        }
        boolean direct = call.directAgent && e.personId() == null;
        if (!direct && (!call.routed || !e.personId().equals(call.personId))) {
            return; // withdrawn meanwhile
        }
        if (call.stage != Call.Stage.QUEUED && call.stage != Call.Stage.CALLBACK_WAIT
                && call.stage != Call.Stage.ANNOUNCING) {
            return;
        }
        if (!direct && e.agent() != null && busyAgents.contains(e.agent().agentId())) {
            // on a call the router does not hold (outbound, a transfer): declined after a pause, as below
            UUID id = call.interactionId;
            UUID person = e.personId();
            timers.schedule(() -> accept(new DeclineDue(call.node(), clock.instant(), id, person)),
                    settings.retryPause().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        if (e.dial() == null) {
            if (direct || call.unreachable.add(e.personId())) {
                // once per agent and call: the router may offer the same unreachable agent again
                recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.FAILED, clock.instant(),
                        e.agent() == null ? null : e.agent().agentId(),
                        e.agent() == null ? null : e.agent().displayName(), "agent unreachable");
            }
            if (direct) {
                call.directAgent = false;
                missed(call);
                announceAndEnd(call, "no-agents");
            } else {
                // Declined after a pause, not at once: the router offers a lone agent again straight away, and an
                // agent logged in without a registered phone would otherwise be offered the call in a loop.
                UUID id = call.interactionId;
                UUID person = e.personId();
                timers.schedule(() -> accept(new DeclineDue(call.node(), clock.instant(), id, person)),
                        settings.retryPause().toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        if (call.primaryChannel != null && call.playbackId != null) {
            // an announcement was playing: music again while the agent's phone rings
            stopPlayback(call);
            command(call, () -> call.control.startMusicOnHold(call.primaryChannel), null);
        }
        AgentTarget agent = e.agent() != null ? e.agent()
                : new AgentTarget(call.tenantId, null, null, e.dial(), AgentReach.MOBILE, null, null);
        ring(call, agent, e.dial());
    }

    /**
     * Claims the scheduled callbacks that are due (polled by Telephony) and routes each through its queue
     * like a kept place: an agent is reserved first, then the customer is dialled (ACD-10). One without a
     * queue, a number or a caller ID stays on the open list for people to dial.
     */
    void pollCallbacks() {
        io.execute(() -> {
            Instant now = clock.instant();
            List<io.linea.cc.callback.CallbackManagement.DueCallback> due;
            try {
                due = queues.claimDueCallbacks(now);
            } catch (RuntimeException ex) {
                log.warn("Due callbacks could not be read: {}", ex.toString());
                return;
            }
            for (var callback : due) {
                if (callback.queueId() == null || callback.number() == null) {
                    continue;
                }
                try {
                    CallerNumber from = directory.defaultCallerNumber(callback.tenantId()).orElse(null);
                    VoiceQueues.QueueSetup queue = queues.setup(callback.tenantId(), callback.queueId(),
                            callback.number(), now).orElse(null);
                    accept(new CallbackDue("", now, callback, from, queue, profiles.of(callback.tenantId())));
                } catch (RuntimeException ex) {
                    log.warn("Callback {} could not be started: {}", callback.id(), ex.toString());
                }
            }
        });
    }

    private void callbackDue(CallbackDue e) {
        CallControl control = nodes.values().stream().findFirst().orElse(null);
        if (control == null || e.from() == null || e.from().carrier() == null || e.queue() == null) {
            log.warn("Callback {} stays on the list: no node, caller ID or queue", e.callback().id());
            return;
        }
        var due = e.callback();
        Call call = new Call(UUID.randomUUID(), due.tenantId(), Interaction.Direction.INBOUND, control,
                e.from().e164(), due.number(), e.at(), e.profile().language(), e.profile().displayName(),
                e.from().carrier());
        call.queue = e.queue();
        call.keptPlace = true;
        call.callerGone = true;
        call.callbackItem = CompletableFuture.completedFuture(due.id());
        call.enqueuedAt = due.preferredAt();
        call.routed = true;
        track(call);
        transition(call, Call.Stage.CALLBACK_WAIT);
        // recorded as outbound: Linea calls the customer; the call logic treats it as a kept place
        recorder.opened(call.tenantId, new Interaction(call.interactionId, Interaction.Direction.OUTBOUND,
                e.from().e164(), due.number(), control.node(), e.at()), InteractionEvent.Type.CALLBACK_REQUESTED,
                "scheduled for " + due.preferredAt());
        queues.enqueue(new RoutingTask(call.interactionId, call.tenantId, e.queue().queueId(), Medium.VOICE, 0,
                List.of(), due.preferredAt(), null, true), handle(call));
    }

    private void declineDue(DeclineDue e) {
        Call call = calls.get(e.interactionId());
        if (call != null && call.routed && e.personId().equals(call.personId) && call.stage != Call.Stage.RINGING) {
            call.personId = null;
            queues.declined(call.interactionId, e.personId());
        }
    }

    private void withdrawn(RoutingEvent.OfferWithdrawn withdrawal) {
        Call call = calls.get(withdrawal.taskId());
        if (call == null || !withdrawal.personId().equals(call.personId)) {
            return;
        }
        call.personId = null;
        if (call.stage == Call.Stage.RINGING && call.secondaryChannel != null) {
            String channel = call.secondaryChannel;
            byChannel.remove(channel);
            call.secondaryChannel = null;
            command(call, () -> call.control.hangup(channel, HangupReason.NORMAL), null);
            releaseAgent(call, false);
            transition(call, call.primaryChannel == null ? Call.Stage.CALLBACK_WAIT : Call.Stage.QUEUED);
        }
    }

    /** The ringing agent did not answer (routed or rung by an overflow action). */
    private void routedLegGone(Call call) {
        releaseAgent(call, false);
        call.secondaryChannel = null;
        if (call.directAgent) {
            call.directAgent = false;
            if (call.primaryChannel == null) {
                end(call, Interaction.State.ABANDONED, clock.instant(), "CALLER_HANGUP", Interaction.Stage.RINGING);
                return;
            }
            missed(call);
            announceAndEnd(call, "no-agents");
            return;
        }
        UUID person = call.personId;
        call.personId = null;
        transition(call, call.primaryChannel == null ? Call.Stage.CALLBACK_WAIT : Call.Stage.QUEUED);
        if (person != null) {
            queues.declined(call.interactionId, person);
        }
    }

    /** The caller of a routed call hung up; true when handled here. */
    private boolean routedCallerLeft(Call call, ChannelGone e) {
        switch (call.stage) {
            case QUEUED, RINGING -> {
                if (call.keptPlace) {
                    // ACD-10: the place is kept; when it comes, the agent rings first, then the caller
                    call.primaryChannel = null;
                    call.callerGone = true;
                    if (call.stage == Call.Stage.QUEUED) {
                        transition(call, Call.Stage.CALLBACK_WAIT);
                    }
                    queues.handle(call.interactionId, handle(call));
                    return true;
                }
                abandon(call, e.at(), call.stage == Call.Stage.QUEUED ? Interaction.Stage.WAITING
                        : Interaction.Stage.RINGING);
                return true;
            }
            case VOICEMAIL -> {
                call.callerGone = true;
                call.primaryChannel = null;
                if (call.recording == null) {
                    abandon(call, e.at(), Interaction.Stage.WAITING);
                }
                // otherwise Asterisk ends the recording now and reports it: the message is kept
                return true;
            }
            case CALLBACK_DIALLING -> {
                callbackFailed(call, e.at());
                return true;
            }
            case ANNOUNCING -> {
                if (call.keys == Call.Keys.CALLBACK_OFFER) {
                    call.keys = Call.Keys.NONE;
                    missed(call);
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** The caller gave up before an agent answered: abandoned at its stage and a missed call (ACD-14). */
    private void abandon(Call call, Instant at, Interaction.Stage stage) {
        if (call.routed) {
            call.routed = false;
            call.released = true;
            queues.cancel(call.interactionId, true);
        }
        missed(call);
        end(call, Interaction.State.ABANDONED, at, "CALLER_HANGUP", stage);
    }

    private void missed(Call call) {
        if (call.missedRecorded || call.callbackItem != null) {
            return;
        }
        call.missedRecorded = true;
        UUID queueId = call.queue == null ? null : call.queue.queueId();
        Instant at = clock.instant();
        io.execute(() -> safely(() -> queues.missedCall(call.tenantId, call.interactionId, call.remoteNumber, queueId,
                at)));
    }

    private void dtmf(DtmfReceived e) {
        Call call = byChannel.get(e.channelId());
        if (call == null || !e.channelId().equals(call.primaryChannel)) {
            return;
        }
        switch (call.keys) {
            case QUEUE_MENU -> {
                var rules = call.queue.routing();
                if (e.digit() == '1' && rules.callbackOffer() && !call.keptPlace && rules.callbackPreferredTime()
                        && call.stage == Call.Stage.QUEUED) {
                    askCallbackTime(call);
                } else if (e.digit() == '1' && rules.callbackOffer() && !call.keptPlace
                        && (call.stage == Call.Stage.QUEUED || call.stage == Call.Stage.RINGING)) {
                    keepPlace(call, e.at());
                } else if (e.digit() == '2' && rules.voicemailOption() && call.stage == Call.Stage.QUEUED) {
                    call.routed = false;
                    call.released = true;
                    queues.cancel(call.interactionId, false);
                    startVoicemail(call);
                }
            }
            case CALLBACK_OFFER -> {
                if (e.digit() == '1') {
                    call.keys = Call.Keys.NONE;
                    requestCallback(call, e.at());
                    call.endReason = "CALLBACK_REQUESTED";
                    say(call, Call.Stage.ANNOUNCING, () -> prompts.text("callback-confirmed", call.language),
                            () -> command(call, () -> call.control.hangup(call.primaryChannel, HangupReason.NORMAL),
                                    null));
                }
            }
            case CALLBACK_TIME -> callbackTimeKey(call, e);
            case NONE -> {
            }
        }
    }

    /** ACD-10: the queue asks when to call back; meanwhile the caller keeps waiting in line. */
    private void askCallbackTime(Call call) {
        call.keys = Call.Keys.CALLBACK_TIME;
        call.typed.setLength(0);
        say(call, Call.Stage.QUEUED, () -> prompts.text("callback-time", call.language), () -> musicAgain(call));
    }

    private void musicAgain(Call call) {
        if (call.stage == Call.Stage.QUEUED && !call.keptPlace) {
            command(call, () -> call.control.startMusicOnHold(call.primaryChannel), null);
        }
    }

    /** # keeps the place, * goes back, four digits are a time of day (HHMM) in the queue's time zone. */
    private void callbackTimeKey(Call call, DtmfReceived e) {
        if (call.stage != Call.Stage.QUEUED && call.stage != Call.Stage.RINGING) {
            return;
        }
        char digit = e.digit();
        if (digit == '#' && call.typed.isEmpty()) {
            keepPlace(call, e.at());
        } else if (digit == '*') {
            call.typed.setLength(0);
            call.keys = Call.Keys.QUEUE_MENU;
        } else if (Character.isDigit(digit) && call.stage == Call.Stage.QUEUED) {
            call.typed.append(digit);
            if (call.typed.length() < 4) {
                return;
            }
            String hhmm = call.typed.toString();
            call.typed.setLength(0);
            int hours = Integer.parseInt(hhmm.substring(0, 2));
            int minutes = Integer.parseInt(hhmm.substring(2));
            if (hours > 23 || minutes > 59) {
                say(call, Call.Stage.QUEUED, () -> prompts.text("callback-time-invalid", call.language),
                        () -> musicAgain(call));
                return;
            }
            java.time.ZonedDateTime time = nextTime(clock.instant(), call.queue.zone(), hours, minutes);
            UUID id = call.interactionId;
            UUID tenant = call.tenantId;
            UUID queue = call.queue.queueId();
            io.execute(() -> {
                boolean open;
                try {
                    open = queues.setup(tenant, queue, null, time.toInstant()).map(VoiceQueues.QueueSetup::open)
                            .orElse(false);
                } catch (RuntimeException ex) {
                    log.warn("Could not check the calendar for {}: {}", id, ex.toString());
                    open = true; // the list still has the request; people call back if the queue cannot
                }
                accept(new CallbackTimeChecked(call.node(), clock.instant(), id, time, open));
            });
        }
    }

    /** The next time of day {@code hours:minutes} in {@code zone}, at least five minutes from {@code now}. */
    static java.time.ZonedDateTime nextTime(Instant now, java.time.ZoneId zone, int hours, int minutes) {
        java.time.ZonedDateTime local = now.atZone(zone);
        java.time.ZonedDateTime time = local.toLocalDate().atTime(hours, minutes).atZone(zone);
        return time.isBefore(local.plusMinutes(5)) ? local.toLocalDate().plusDays(1).atTime(hours, minutes)
                .atZone(zone) : time;
    }

    /**
     * A preferred time the queue's calendar accepts: the caller leaves the line, the request is scheduled
     * and fires through the queue at its time (ACD-10); a closed time is refused with a prompt.
     */
    private void callbackTimeChecked(CallbackTimeChecked e) {
        Call call = calls.get(e.interactionId());
        if (call == null || call.keys != Call.Keys.CALLBACK_TIME || call.stage != Call.Stage.QUEUED) {
            return;
        }
        if (!e.open()) {
            say(call, Call.Stage.QUEUED, () -> prompts.text("callback-time-closed", call.language),
                    () -> musicAgain(call));
            return;
        }
        call.keys = Call.Keys.NONE;
        call.routed = false;
        call.released = true;
        queues.cancel(call.interactionId, false);
        String hhmm = String.format(java.util.Locale.ROOT, "%02d:%02d", e.time().getHour(), e.time().getMinute());
        recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.CALLBACK_REQUESTED, e.at(), null,
                null, "at " + e.time().toOffsetDateTime());
        UUID queueId = call.queue.queueId();
        Instant at = e.at();
        Instant preferred = e.time().toInstant();
        call.callbackItem = CompletableFuture.supplyAsync(() -> queues.callbackRequested(call.tenantId,
                call.interactionId, call.remoteNumber, queueId, at, preferred), io);
        call.endReason = "CALLBACK_REQUESTED";
        transition(call, Call.Stage.ANNOUNCING);
        say(call, Call.Stage.ANNOUNCING, () -> prompts.text("callback-scheduled", call.language, hhmm),
                () -> command(call, () -> call.control.hangup(call.primaryChannel, HangupReason.NORMAL), null));
    }

    /** ACD-10: press 1, hang up, keep the place; the router calls back when the turn comes. */
    private void keepPlace(Call call, Instant at) {
        call.keptPlace = true;
        call.keys = Call.Keys.NONE;
        queues.callbackKept(call.interactionId);
        requestCallback(call, at);
        say(call, call.stage, () -> prompts.text("callback-kept", call.language),
                () -> command(call, () -> call.control.hangup(call.primaryChannel, HangupReason.NORMAL), null));
    }

    private void requestCallback(Call call, Instant at) {
        recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.CALLBACK_REQUESTED, at, null, null,
                call.keptPlace ? "keeps the place" : "from the list");
        UUID queueId = call.queue == null ? null : call.queue.queueId();
        call.callbackItem = CompletableFuture.supplyAsync(() -> queues.callbackRequested(call.tenantId,
                call.interactionId, call.remoteNumber, queueId, at, null), io);
    }

    /** The agent of a kept place answered: music for them while the caller is dialled back (ACD-10). */
    private void callbackDial(Call call, ChannelEntered agentLeg) {
        transition(call, Call.Stage.CALLBACK_DIALLING);
        command(call, () -> call.control.startMusicOnHold(call.secondaryChannel), null);
        if (call.carrier == null || call.remoteNumber == null || call.remoteNumber.isBlank()) {
            callbackFailed(call, agentLeg.at());
            return;
        }
        String channel = "lx-" + UUID.randomUUID();
        call.primaryChannel = channel;
        byChannel.put(channel, call);
        String dial = "PJSIP/" + call.remoteNumber + "@" + call.carrier.endpointId();
        recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.CALLBACK_ATTEMPTED, agentLeg.at(),
                call.agent == null ? null : call.agent.agentId(), call.agent == null ? null : call.agent.displayName(),
                "dialling " + call.remoteNumber);
        String callerId = "\"" + call.displayName.replace("\"", "") + "\" <" + call.tenantNumber + ">";
        Map<String, String> variables = variables(call);
        int timeout = (int) ringTimeout(call).toSeconds() * 2;
        command(call, () -> call.control.originate(channel, dial, callerId, timeout, "external," + call.interactionId,
                variables), ex -> failed(call, channel, CommandFailed.Command.ORIGINATE, ex));
    }

    /** The caller of a kept place did not answer: the item stays on the list for people to dial (ACD-14). */
    private void callbackFailed(Call call, Instant at) {
        UUID item = call.callbackItem == null ? null : call.callbackItem.getNow(null);
        if (item != null) {
            io.execute(() -> safely(() -> queues.callbackAttempted(call.tenantId, item, false)));
        }
        end(call, Interaction.State.ENDED, at, "CALLBACK_NO_ANSWER", null);
    }

    /** What the queue does with a caller it cannot serve (ACD-08, ACD-13, IVR-09). */
    private void overflow(Call call, OverflowReason reason) {
        if (call.stage == Call.Stage.CALLBACK_WAIT) {
            // the caller is not on the line: their callback is on the work list for people to dial
            end(call, Interaction.State.ENDED, clock.instant(), "CALLBACK_LISTED", null);
            return;
        }
        call.overflows++;
        OverflowAction action = call.queue == null || call.overflows > MAX_OVERFLOWS ? OverflowAction.voicemail()
                : call.queue.routing().overflow().of(switch (reason) {
                    case CLOSED -> Overflow.Condition.CLOSED;
                    case TIMEOUT -> Overflow.Condition.TIMEOUT;
                    case QUEUE_FULL -> Overflow.Condition.FULL;
                    case NO_AGENTS -> Overflow.Condition.NO_AGENTS;
                });
        recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.OVERFLOWED, clock.instant(), null,
                null, reason + " → " + action.type() + target(action));
        call.keys = Call.Keys.NONE;
        stopPlayback(call);
        command(call, () -> call.control.stopMusicOnHold(call.primaryChannel), null);
        transition(call, Call.Stage.ANNOUNCING);
        if (action.message() != null && action.type() != OverflowAction.Type.ANNOUNCE_HANGUP) {
            say(call, Call.Stage.ANNOUNCING, action::message, () -> runOverflow(call, action));
        } else {
            runOverflow(call, action);
        }
    }

    private static String target(OverflowAction action) {
        if (action.queueId() != null) {
            return " " + action.queueId();
        }
        if (action.agentId() != null) {
            return " " + action.agentId();
        }
        return action.number() == null ? "" : " " + action.number();
    }

    private void runOverflow(Call call, OverflowAction action) {
        switch (action.type()) {
            case VOICEMAIL -> startVoicemail(call);
            case QUEUE -> {
                UUID id = call.interactionId;
                io.execute(() -> {
                    Optional<VoiceQueues.QueueSetup> setup;
                    try {
                        setup = queues.setup(call.tenantId, action.queueId(), call.remoteNumber, clock.instant());
                    } catch (RuntimeException ex) {
                        setup = Optional.empty();
                    }
                    accept(new QueueReady(call.node(), clock.instant(), id, setup));
                });
            }
            case AGENT, NUMBER -> {
                call.directAgent = true;
                UUID id = call.interactionId;
                io.execute(() -> {
                    AgentTarget agent = null;
                    String dial = null;
                    try {
                        if (action.type() == OverflowAction.Type.AGENT) {
                            agent = directory.agent(call.tenantId, action.agentId()).orElse(null);
                            dial = agent == null ? null : dialString(call, agent);
                        } else if (call.carrier != null) {
                            // ACD-13: an external or mobile number through the tenant's carrier
                            dial = "PJSIP/" + action.number() + "@" + call.carrier.endpointId();
                        }
                    } catch (RuntimeException ex) {
                        log.warn("Overflow target of {} unreachable: {}", id, ex.toString());
                    }
                    accept(new OfferReady(call.node(), clock.instant(), id, null, agent, dial));
                });
            }
            case ANNOUNCE_HANGUP -> {
                missed(call);
                call.endReason = "OVERFLOW";
                say(call, Call.Stage.ANNOUNCING, action::message,
                        () -> command(call, () -> call.control.hangup(call.primaryChannel, HangupReason.NORMAL), null));
            }
            case CALLBACK_OFFER -> {
                call.keys = Call.Keys.CALLBACK_OFFER;
                UUID id = call.interactionId;
                say(call, Call.Stage.ANNOUNCING, () -> prompts.text("callback-offer", call.language),
                        () -> timers.schedule(() -> accept(new TimerFired(call.node(), clock.instant(), id)),
                                settings.keyWait().toMillis(), TimeUnit.MILLISECONDS));
            }
        }
    }

    private void queueReady(QueueReady e) {
        Call call = calls.get(e.interactionId());
        if (call == null || call.stage != Call.Stage.ANNOUNCING) {
            return;
        }
        if (e.queue().isEmpty()) {
            missed(call);
            announceAndEnd(call, "no-agents");
            return;
        }
        call.queue = e.queue().get();
        if (call.queue.open()) {
            enqueue(call, call.enqueuedAt == null ? clock.instant() : call.enqueuedAt);
        } else {
            overflow(call, OverflowReason.CLOSED);
        }
    }

    /** IVR-09: a prompt, a beep, then the message until the caller presses # or hangs up. */
    private void startVoicemail(Call call) {
        call.keys = Call.Keys.NONE;
        transition(call, Call.Stage.VOICEMAIL);
        stopPlayback(call);
        command(call, () -> call.control.stopMusicOnHold(call.primaryChannel), null);
        say(call, Call.Stage.VOICEMAIL, () -> prompts.text("voicemail", call.language), () -> record(call));
    }

    private void record(Call call) {
        if (call.primaryChannel == null || call.recording != null) {
            return;
        }
        String name = "vm-" + call.interactionId;
        call.recording = name;
        byRecording.put(name, call);
        String channel = call.primaryChannel;
        recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.VOICEMAIL, clock.instant(), null, null,
                "recording");
        command(call, () -> call.control.record(channel, name, VOICEMAIL_MAX_SECONDS, VOICEMAIL_MAX_SILENCE_SECONDS,
                true, "#"), ex -> accept(new RecordingDone(call.node(), clock.instant(), name, true, 0)));
    }

    private void recordingDone(RecordingDone e) {
        Call call = byRecording.remove(e.name());
        if (call == null) {
            return;
        }
        call.recording = null;
        if (e.failed()) {
            log.warn("Voicemail of {} could not be recorded", call);
            recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.FAILED, e.at(), null, null,
                    "voicemail not recorded");
            voicemailStored(new VoicemailStored(e.node(), e.at(), call.interactionId, false));
            return;
        }
        UUID id = call.interactionId;
        UUID queueId = call.queue == null ? null : call.queue.queueId();
        command(call, () -> {
            boolean stored;
            try {
                byte[] audio = call.control.storedRecording(e.name());
                queues.voicemail(call.tenantId, id, call.remoteNumber, queueId, e.at(), audio,
                        e.durationMs() > 0 ? e.durationMs() : wavMillis(audio));
                stored = true;
                safely(() -> call.control.deleteStoredRecording(e.name()));
            } catch (RuntimeException ex) {
                log.error("Voicemail {} of {} could not be stored: {}", e.name(), id, ex.toString());
                stored = false;
            }
            accept(new VoicemailStored(call.node(), clock.instant(), id, stored));
        }, null);
    }

    /** 8 kHz 16-bit mono, as Asterisk records wav: the length from the size when the event gives none. */
    private static long wavMillis(byte[] audio) {
        return Math.max(0, audio.length - 44) * 1000L / 16000;
    }

    private void voicemailStored(VoicemailStored e) {
        Call call = calls.get(e.interactionId());
        if (call == null) {
            return;
        }
        if (e.stored()) {
            recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.VOICEMAIL, e.at(), null, null,
                    "stored");
        } else {
            missed(call);
        }
        if (call.primaryChannel == null || call.callerGone) {
            end(call, Interaction.State.ENDED, e.at(), e.stored() ? "VOICEMAIL" : "VOICEMAIL_FAILED", null);
            return;
        }
        transition(call, Call.Stage.ANNOUNCING);
        call.endReason = e.stored() ? "VOICEMAIL" : "VOICEMAIL_FAILED";
        say(call, Call.Stage.ANNOUNCING, () -> prompts.text("voicemail-thanks", call.language),
                () -> command(call, () -> call.control.hangup(call.primaryChannel, HangupReason.NORMAL), null));
    }

    // --- recovery after a restart (DESIGN: state in memory, recovered from PostgreSQL) ------------------

    /** Nodes whose calls were recovered since this engine started: once per node. */
    private final Set<String> recoveredNodes = new HashSet<>();

    /** A persisted call as found on its node after a restart. */
    record Recovered(io.linea.cc.routing.PersistedTask persisted, VoiceQueues.InteractionFacts facts,
            TenantProfile profile, CarrierConfig carrier, VoiceQueues.QueueSetup queue, AgentTarget agent,
            String callerChannel, String agentChannel, boolean callerAlive, boolean agentAlive) {
    }

    /**
     * "node|caller channel|agent channel|agent id|person id": what the call engine needs to take a call
     * back after cc-core restarted, stored with the router's row of the call.
     */
    private static String handle(Call call) {
        StringBuilder handle = new StringBuilder(call.node()).append('|')
                .append(call.primaryChannel == null ? "" : call.primaryChannel);
        if (call.stage == Call.Stage.TALKING && call.secondaryChannel != null && call.agent != null) {
            handle.append('|').append(call.secondaryChannel).append('|').append(call.agent.agentId()).append('|')
                    .append(call.personId);
        }
        return handle.toString();
    }

    /** Off the engine thread: which persisted calls of this node still have their channels. */
    private void recover(CallControl control) {
        io.execute(() -> {
            List<Recovered> found = new ArrayList<>();
            try {
                for (io.linea.cc.routing.PersistedTask persisted : queues.persisted()) {
                    String[] parts = persisted.handle() == null ? new String[0] : persisted.handle().split("\\|", -1);
                    if (parts.length == 0 || !parts[0].equals(control.node())) {
                        continue;
                    }
                    try {
                        found.add(recovered(control, persisted, parts));
                    } catch (RuntimeException ex) {
                        log.warn("Call {} could not be recovered: {}", persisted.task().id(), ex.toString());
                    }
                }
            } catch (RuntimeException ex) {
                log.error("Calls of node {} could not be recovered: {}", control.node(), ex.toString());
            }
            if (!found.isEmpty()) {
                accept(new CallsRecovered(control.node(), clock.instant(), control, found));
            }
        });
    }

    private Recovered recovered(CallControl control, io.linea.cc.routing.PersistedTask persisted, String[] parts) {
        RoutingTask task = persisted.task();
        VoiceQueues.InteractionFacts facts = queues.interaction(task.tenantId(), task.id()).orElse(null);
        String caller = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
        String agentChannel = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
        UUID agentId = parts.length > 3 && !parts[3].isEmpty() ? UUID.fromString(parts[3]) : null;
        TenantProfile profile = profiles.of(task.tenantId());
        CarrierConfig carrier = facts == null ? null : directory.route(facts.tenantNumber())
                .flatMap(route -> directory.carrier(route.carrierId())).orElse(null);
        VoiceQueues.QueueSetup queue = facts == null ? null
                : queues.setup(task.tenantId(), task.queueId(), facts.remoteNumber(), clock.instant()).orElse(null);
        AgentTarget agent = agentId == null ? null : directory.agent(task.tenantId(), agentId).orElse(null);
        boolean callerAlive = caller != null && safeExists(control, caller);
        boolean agentAlive = agentChannel != null && safeExists(control, agentChannel);
        for (String channel : new String[] { callerAlive ? caller : null, agentAlive ? agentChannel : null }) {
            if (channel != null) {
                try {
                    control.subscribe(channel);
                } catch (RuntimeException ex) {
                    log.warn("Could not subscribe to channel {} again: {}", channel, ex.toString());
                }
            }
        }
        return new Recovered(persisted, facts, profile, carrier, queue, agent, caller, agentChannel, callerAlive,
                agentAlive);
    }

    private static boolean safeExists(CallControl control, String channel) {
        try {
            return control.channelExists(channel);
        } catch (RuntimeException ex) {
            return false;
        }
    }

    /**
     * Takes the surviving calls back: talking ones keep their agents busy, then waiting ones join their
     * queues again in their original order. A caller who left during the restart is a missed call.
     */
    private void recovered(CallsRecovered e) {
        List<Recovered> handled = e.calls().stream().filter(r -> r.persisted().personId() != null).toList();
        List<Recovered> waiting = e.calls().stream().filter(r -> r.persisted().personId() == null).toList();
        for (Recovered r : handled) {
            RoutingTask task = r.persisted().task();
            if (calls.containsKey(task.id()) || r.facts() == null) {
                continue;
            }
            Call call = rebuilt(e.control(), r);
            if (r.callerAlive() && r.agentAlive() && r.agent() != null) {
                call.secondaryChannel = r.agentChannel();
                call.agent = r.agent();
                call.personId = r.persisted().personId();
                call.bridgeId = "lb-" + call.interactionId;
                call.answeredAt = r.persisted().acceptedAt();
                call.routed = true;
                call.accepted = true;
                busyAgents.add(r.agent().agentId());
                byChannel.put(call.primaryChannel, call);
                byChannel.put(call.secondaryChannel, call);
                transition(call, Call.Stage.TALKING);
                queues.restoreHandled(task, r.persisted().personId(), r.persisted().acceptedAt());
                log.info("{} recovered after a restart", call);
            } else {
                // one side left while cc-core was away: end the other one too
                for (String channel : new String[] { r.callerChannel(), r.agentChannel() }) {
                    if (channel != null) {
                        request(() -> e.control().hangup(channel, HangupReason.NORMAL));
                    }
                }
                queues.cancel(task.id(), false);
                recorder.ended(call.tenantId, call.interactionId, Interaction.State.ENDED, e.at(), "CC_CORE_RESTARTED",
                        null);
            }
        }
        for (Recovered r : waiting) {
            RoutingTask task = r.persisted().task();
            if (calls.containsKey(task.id()) || r.facts() == null) {
                continue;
            }
            Call call = rebuilt(e.control(), r);
            if (r.queue() != null && r.callerChannel() == null && task.callback()) {
                call.keptPlace = true;
                call.callerGone = true;
                call.routed = true;
                transition(call, Call.Stage.CALLBACK_WAIT);
                queues.restoreWaiting(task);
            } else if (r.queue() != null && r.callerAlive()) {
                call.routed = true;
                byChannel.put(call.primaryChannel, call);
                transition(call, Call.Stage.QUEUED);
                call.keys = r.queue().routing().callbackOffer() || r.queue().routing().voicemailOption()
                        ? Call.Keys.QUEUE_MENU : Call.Keys.NONE;
                command(call, () -> call.control.startMusicOnHold(call.primaryChannel), null);
                queues.restoreWaiting(task);
                if (announces(r.queue())) {
                    scheduleAnnouncement(call, Duration.ofSeconds(1));
                }
                log.info("{} back in queue {} after a restart", call, r.queue().name());
            } else {
                calls.remove(call.interactionId);
                queues.cancel(task.id(), false);
                if (r.callerChannel() != null && r.callerAlive()) {
                    request(() -> e.control().hangup(r.callerChannel(), HangupReason.NORMAL));
                }
                UUID queueId = task.queueId();
                io.execute(() -> safely(() -> queues.missedCall(call.tenantId, call.interactionId, call.remoteNumber,
                        queueId, e.at())));
                recorder.ended(call.tenantId, call.interactionId, Interaction.State.ABANDONED, e.at(), "CALLER_HANGUP",
                        Interaction.Stage.WAITING);
            }
        }
    }

    private Call rebuilt(CallControl control, Recovered r) {
        RoutingTask task = r.persisted().task();
        Call call = new Call(task.id(), task.tenantId(), Interaction.Direction.INBOUND, control,
                r.facts().tenantNumber(), r.facts().remoteNumber(), r.facts().startedAt(), r.profile().language(),
                r.profile().displayName(), r.carrier());
        call.primaryChannel = r.callerChannel();
        call.queue = r.queue();
        call.priority = task.priority();
        call.enqueuedAt = task.enqueuedAt();
        track(call);
        return call;
    }

    // --- nodes ----------------------------------------------------------------------------------------

    private void connected(NodeConnected e) {
        nodes.put(e.node(), e.control());
        if (recoveredNodes.add(e.node())) {
            recover(e.control());
        }
        recorder.operational(e.restarted() ? "NODE_RESTARTED" : "NODE_CONNECTED", e.node(),
                "Event stream of " + e.node() + " connected");
        for (Call call : List.copyOf(calls.values())) {
            if (!call.node().equals(e.node())) {
                continue;
            }
            boolean alive = !e.restarted() && exists(call, call.primaryChannel)
                    && (call.stage != Call.Stage.TALKING || exists(call, call.secondaryChannel));
            if (!alive) {
                log.warn("{} was interrupted by the loss of node {}", call, e.node());
                end(call, Interaction.State.FAILED, e.at(), e.restarted() ? "NODE_RESTARTED" : "NODE_LOST", null);
            }
        }
    }

    private boolean exists(Call call, String channel) {
        try {
            return channel != null && call.control.channelExists(channel);
        } catch (RuntimeException ex) {
            return false;
        }
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** The router lets the call go: the agent who accepted it goes to wrap-up, or its waiting place is freed. */
    private void leaveRouter(Call call) {
        if (call.routed) {
            call.routed = false;
            if (call.accepted) {
                queues.finished(call.interactionId);
            } else {
                queues.cancel(call.interactionId, false);
            }
        }
        call.accepted = false;
    }

    private void end(Call call, Interaction.State state, Instant at, String reason, Interaction.Stage stage) {
        if (call.routed) {
            leaveRouter(call); // the router must not keep a call that is over
        } else if (call.queue != null && !call.released) {
            queues.cancel(call.interactionId, false); // forgets the stored arrival (see #resolved)
        }
        if (call.recording != null) {
            byRecording.remove(call.recording);
        }
        calls.remove(call.interactionId);
        byChannel.remove(call.primaryChannel);
        if (call.secondaryChannel != null) {
            byChannel.remove(call.secondaryChannel);
        }
        if (call.playbackId != null) {
            byPlayback.remove(call.playbackId);
        }
        if (call.consultChannel != null) {
            byChannel.remove(call.consultChannel);
            agentFree(call.consultAgent, call.consultAnswered);
        }
        if (call.consultBridgeId != null) {
            String consultBridge = call.consultBridgeId;
            command(call, () -> call.control.destroyBridge(consultBridge), null);
        }
        for (String channel : new String[] { call.primaryChannel, call.secondaryChannel, call.consultChannel }) {
            // a channel Asterisk reported gone (or hanging up) needs no request
            if (channel != null && !call.gone.contains(channel)) {
                command(call, () -> call.control.hangup(channel, HangupReason.NORMAL), null);
            }
        }
        if (call.bridgeId != null) {
            String bridge = call.bridgeId;
            command(call, () -> call.control.destroyBridge(bridge), null);
        }
        releaseAgent(call, call.answeredAt != null);
        log.info("{} ended: {} {}{}", call, state, reason, stage == null ? "" : " at " + stage);
        recorder.ended(call.tenantId, call.interactionId, state, at, reason, stage);
    }

    private void releaseAgent(Call call, boolean talked) {
        if (call.agent == null) {
            return;
        }
        agentFree(call.agent, talked);
        if (call.direction == Interaction.Direction.INBOUND) {
            call.agent = talked ? call.agent : null;
        }
    }

    /** The agent is off this call: free for the next (and their last call's end recorded, when they talked). */
    private void agentFree(AgentTarget agent, boolean talked) {
        busyAgents.remove(agent.agentId());
        if (talked && agent.agentId() != null) { // an external number a call was transferred to is no agent
            Instant now = clock.instant();
            timers.execute(() -> {
                try {
                    directory.recordCallEnded(agent.tenantId(), agent.agentId(), now);
                } catch (RuntimeException ex) {
                    log.warn("Could not record the end of agent {}'s call: {}", agent.agentId(), ex.toString());
                }
            });
        }
    }

    private void track(Call call) {
        calls.put(call.interactionId, call);
    }

    /** Plays on the caller's channel; a request Asterisk refuses ends the playback as failed. */
    private void play(Call call, String mediaUri) {
        String playback = "lp-" + UUID.randomUUID();
        call.playbackId = playback;
        byPlayback.put(playback, call);
        String channel = call.primaryChannel;
        command(call, () -> call.control.play(channel, playback, mediaUri),
                ex -> accept(new PlaybackDone(call.node(), clock.instant(), playback, true)));
    }

    /**
     * Queues a request on the call's lane: requests of one call run in the order they were made, those
     * of different calls in parallel, none on the engine thread. {@code onFailure} (on the I/O thread)
     * reports a failure that changes the call; without it a failure is logged and ignored, as for a
     * hang-up of a channel that is already gone.
     */
    private void command(Call call, Runnable request, Consumer<RuntimeException> onFailure) {
        call.lane = call.lane.thenRunAsync(() -> {
            try {
                request.run();
            } catch (RuntimeException ex) {
                if (onFailure == null) {
                    log.debug("Ignored for {}: {}", call, ex.toString());
                } else {
                    onFailure.accept(ex);
                }
            }
        }, io);
    }

    /** A request outside any call (a hang-up of an unknown number): run off the engine thread, failures ignored. */
    private void request(Runnable request) {
        io.execute(() -> safely(request));
    }

    /** Reports a failed request back to the engine thread. */
    private void failed(Call call, String channel, CommandFailed.Command command, RuntimeException ex) {
        accept(new CommandFailed(call.node(), clock.instant(), call.interactionId, channel, command, ex.toString()));
    }

    private void commandFailed(CommandFailed e) {
        Call call = calls.get(e.interactionId());
        if (call != null && e.channelId().equals(call.consultChannel)) {
            log.warn("Could not ring the transfer target of {}: {}", call, e.error());
            byChannel.remove(e.channelId());
            consultGone(call, e.at(), "ring failed");
            return;
        }
        if (call != null && call.stage == Call.Stage.CALLBACK_DIALLING && e.channelId().equals(call.primaryChannel)) {
            callbackFailed(call, e.at());
            return;
        }
        if (call == null || !e.channelId().equals(call.secondaryChannel)) {
            return; // the call ended or moved on meanwhile
        }
        if (e.command() == CommandFailed.Command.BRIDGE) {
            log.warn("Bridge failed for {}: {}", call, e.error());
            end(call, Interaction.State.FAILED, e.at(), "BRIDGE_FAILED", null);
        } else if (call.direction == Interaction.Direction.OUTBOUND) {
            log.warn("External leg of {} failed: {}", call, e.error());
            end(call, Interaction.State.FAILED, e.at(), "REMOTE_UNREACHABLE", null);
        } else {
            AgentTarget agent = call.agent;
            log.warn("Could not ring agent {} for {}: {}", agent == null ? null : agent.agentId(), call, e.error());
            recorder.event(call.tenantId, call.interactionId, InteractionEvent.Type.FAILED, e.at(),
                    agent == null ? null : agent.agentId(), agent == null ? null : agent.displayName(), "ring failed");
            // The leg may exist although the request failed (a timeout): forget it, so that if it is
            // answered it is hung up instead of being bridged as the next agent's leg.
            byChannel.remove(e.channelId());
            call.secondaryChannel = null;
            command(call, () -> call.control.hangup(e.channelId(), HangupReason.NORMAL), null);
            if (call.routed || call.directAgent) {
                routedLegGone(call);
                return;
            }
            releaseAgent(call, false);
            if (agent != null) {
                call.tried.add(agent.agentId());
            }
            transition(call, Call.Stage.WAITING);
            ringNext(call);
        }
    }

    private void transition(Call call, Call.Stage stage) {
        if (call.stage != stage) {
            log.debug("{} → {}", call, stage);
            call.stage = stage;
        }
    }

    /**
     * How an agent is reached (TEL-04): the registered endpoint, otherwise the mobile number through the
     * carrier of the call's tenant number; null when neither is possible.
     */
    private String dialString(Call call, AgentTarget agent) {
        if (agent.reach() == AgentReach.ENDPOINT && agent.endpointId() != null) {
            boolean reachable;
            try {
                reachable = call.control.endpointReachable(agent.endpointId());
            } catch (RuntimeException ex) {
                reachable = false;
            }
            if (reachable) {
                return "PJSIP/" + agent.endpointId();
            }
        }
        if (agent.mobileE164() != null && call.carrier != null) {
            return "PJSIP/" + agent.mobileE164() + "@" + call.carrier.endpointId();
        }
        return null;
    }

    /** Agents see the caller and the client's name; a mobile through a carrier shows the tenant's number. */
    private static String callerIdFor(Call call, String dial) {
        String name = call.displayName.replace("\"", "");
        if (dial.contains("@")) {
            return "\"" + name + "\" <" + call.tenantNumber + ">";
        }
        String number = call.remoteNumber == null || call.remoteNumber.isBlank() ? "anonymous" : call.remoteNumber;
        return "\"" + name + "\" <" + number + ">";
    }

    private static Map<String, String> variables(Call call) {
        return Map.of(TENANT_VARIABLE, call.tenantId.toString(), INTERACTION_VARIABLE, call.interactionId.toString());
    }

    /**
     * AGT-02, TEN-03: what the agent's softphone shows with an offer, as SIP headers on the INVITE to the
     * agent's own endpoint (never towards a carrier): the interaction and its tenant, so the browser opens
     * the right tenant's card, the queue and when the caller joined it. Names are percent-encoded (UTF-8),
     * as header values are ASCII.
     */
    static Map<String, String> offerVariables(Call call) {
        Map<String, String> variables = new HashMap<>(variables(call));
        variables.put(header("Interaction"), call.interactionId.toString());
        variables.put(header("Tenant"), call.tenantId.toString());
        variables.put(header("Tenant-Name"), headerText(call.displayName));
        // OUTBOUND: the agent asked for this call (keypad or client card), so the softphone answers it itself
        variables.put(header("Direction"), call.direction.name());
        if (call.queue != null) {
            variables.put(header("Queue"), headerText(call.queue.name()));
            variables.put(header("Queue-Id"), call.queue.queueId().toString());
        }
        if (call.enqueuedAt != null) {
            variables.put(header("Waiting-Since"), Long.toString(call.enqueuedAt.toEpochMilli()));
        }
        return variables;
    }

    private static String header(String name) {
        return "PJSIP_HEADER(add,X-Linea-" + name + ")";
    }

    private static String headerText(String text) {
        return java.net.URLEncoder.encode(text == null ? "" : text, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private Duration ringTimeout(Call call) {
        return call.queue == null ? settings.ringTimeout() : Duration.ofSeconds(call.queue.routing().ringTimeoutSeconds());
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, settings.ringTimeout().toSeconds());
    }

    static String normalise(String dialled) {
        String digits = dialled.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? dialled : "+" + digits;
    }

    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.debug("Ignored: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
        engine.shutdown();
    }
}
