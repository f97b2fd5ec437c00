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
        ANNOUNCING
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
