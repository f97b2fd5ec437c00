package io.linea.cc.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Where the call logic records what happened; {@link InteractionRecorder} stores it. */
interface CallRecorder {

    void opened(UUID tenantId, Interaction interaction, InteractionEvent.Type type, String detail);

    void event(UUID tenantId, UUID interactionId, InteractionEvent.Type type, Instant at, UUID agentId,
            String agentName, String detail);

    void ringing(UUID tenantId, UUID interactionId, Instant at, UUID agentId, String agentName, String detail);

    void answered(UUID tenantId, UUID interactionId, Instant at, UUID agentId, String agentName, Duration ring);

    void ended(UUID tenantId, UUID interactionId, Interaction.State state, Instant at, String reason,
            Interaction.Stage stage);

    /** AGT-03: the call now belongs to another agent (the interaction's agent), who answered a transfer. */
    void transferred(UUID tenantId, UUID interactionId, Instant at, UUID agentId, String agentName, String detail);

    /** Something that belongs to no tenant: an unknown number was called, a node connected or was lost. */
    void operational(String kind, String node, String detail);
}
