package io.linea.cc.telephony;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.linea.cc.provisioning.AgentTarget;
import io.linea.cc.provisioning.CarrierConfig;

/**
 * The live state of one call on one node. Only the engine thread touches it. The stage says what
 * the caller is doing now; each transition is logged and recorded as an interaction event.
 */
final class Call {

    enum Stage {
        /** Inbound: the greeting plays. */
        GREETING,
        /** Inbound: music on hold between two agents or two rounds. */
        WAITING,
        /** An agent (inbound) or the agent's own leg (outbound) rings. */
        RINGING,
        /** Outbound: the agent answered, the external number rings. */
        DIALLING,
        TALKING,
        /** An announcement plays, then the caller is hung up. */
        ANNOUNCING,
        /** Routing path: in a queue, hearing music and announcements (ACD-09). */
        QUEUED,
        /** Routing path: the voicemail prompt plays, then the message is recorded (IVR-09). */
        VOICEMAIL,
        /** Routing path: the caller hung up after asking for a callback; the place in the queue is kept (ACD-10). */
        CALLBACK_WAIT,
        /** Routing path: the agent of a kept place answered; the caller is being dialled back. */
        CALLBACK_DIALLING
    }

    /** What the caller's keys mean now. */
    enum Keys {
        NONE,
        /** In the queue: 1 callback keeping the place, 2 voicemail (as the queue allows). */
        QUEUE_MENU,
        /** Overflow offered a callback: 1 accepts. */
        CALLBACK_OFFER,
        /**
         * After 1 in a queue that asks for a preferred time: # keeps the place, four digits (HHMM) choose the
         * time to be called back, * goes back to the queue's keys.
         */
        CALLBACK_TIME
    }

    final UUID interactionId;
    final UUID tenantId;
    final Interaction.Direction direction;
    final CallControl control;
    final String tenantNumber;
    final String remoteNumber;
    final Instant startedAt;
    final String language;
    final String displayName;
    /** The carrier through which agents' mobiles and external numbers are dialled; may be null. */
    final CarrierConfig carrier;

    /** Inbound: the caller's channel. Outbound: the agent's leg. */
    String primaryChannel;
    /** Inbound: the ringing or answered agent's channel. Outbound: the external leg. */
    String secondaryChannel;
    String bridgeId;
    String playbackId;
    Stage stage;
    AgentTarget agent;
    Instant ringingSince;
    Instant answeredAt;
    final Set<UUID> tried = new HashSet<>();
    /** Channels of this call Asterisk reported gone or hanging up. */
    final Set<String> gone = new HashSet<>();
    /** An agent is being chosen off the engine thread (see CallEngine#ringNext). */
    boolean choosing;
    // --- routing path (ACD-01 … ACD-14) ---
    /** The queue the call is for, or null on the first call path. */
    VoiceQueues.QueueSetup queue;
    /** The number's route named a queue that no longer exists. */
    boolean queueMissing;
    int priority;
    /** When the call joined its first queue: kept when it overflows to another (its place in time). */
    Instant enqueuedAt;
    /** When the call last joined its queue, until its first agent is dialled (B4's offer latency). */
    Instant joinedQueueAt;
    /** The router holds the call (waiting, offered or handled). */
    boolean routed;
    /** The person whose agent leg rings or talks. */
    UUID personId;
    /** An agent rung by an overflow action, outside the router. */
    boolean directAgent;
    /** The caller asked to be called back and keeps the place (ACD-10); the work-list item, once written. */
    boolean keptPlace;
    CompletableFuture<UUID> callbackItem;
    /** The router was told an agent took it: at the end the agent goes to wrap-up. */
    boolean accepted;
    /** Why an announcement that ends the call ends it (ANNOUNCING), when not "no agent". */
    String endReason;
    boolean missedRecorded;
    /** The router was told the call left (see CallEngine#release). */
    boolean released;
    /** Offered agents found unreachable (no registered phone, no mobile): recorded once each. */
    final Set<UUID> unreachable = new HashSet<>();
    /** Overflows so far: a loop of queues overflowing to each other ends in voicemail. */
    int overflows;
    Keys keys = Keys.NONE;
    /** The digits of a preferred callback time typed so far. */
    final StringBuilder typed = new StringBuilder();
    /** The name of the voicemail recording on the node, while it runs. */
    String recording;
    boolean callerGone;
    /** What to do when the current playback ends (instead of the stage's default). */
    Runnable afterPlayback;
    boolean announcing;

    // --- transfer and conference (AGT-03) ---
    /** The leg ringing or talking to the agent a transfer goes to, while the transfer runs or a conference lasts. */
    String consultChannel;
    AgentTarget consultAgent;
    /** The bridge where the first agent talks to the consulted one while the caller hears music. */
    String consultBridgeId;
    boolean consultAnswered;
    /** Blind: the first agent left at once; the caller is connected when the consulted agent answers. */
    boolean blindTransfer;
    /** Three-way: the consulted agent talks with the caller and the first agent in the caller's bridge. */
    boolean conference;

    /** The call's requests to its node, in order (see CallEngine#command). */
    CompletableFuture<Void> lane = CompletableFuture.completedFuture(null);

    Call(UUID interactionId, UUID tenantId, Interaction.Direction direction, CallControl control, String tenantNumber,
            String remoteNumber, Instant startedAt, String language, String displayName, CarrierConfig carrier) {
        this.interactionId = interactionId;
        this.tenantId = tenantId;
        this.direction = direction;
        this.control = control;
        this.tenantNumber = tenantNumber;
        this.remoteNumber = remoteNumber;
        this.startedAt = startedAt;
        this.language = language;
        this.displayName = displayName;
        this.carrier = carrier;
    }

    String node() {
        return control.node();
    }

    @Override
    public String toString() {
        return "call " + interactionId + " (" + direction + ", " + stage + ")";
    }
}
