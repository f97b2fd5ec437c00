package io.linea.cc.routing;

import java.time.Instant;
import java.util.UUID;

/** What the engine decided; every engine call returns these, in the order they happened. */
public sealed interface RoutingEvent {

    Instant at();

    /** The interaction is offered to the person as their agent of its tenant: ring them, or show them the chat. */
    record Offered(UUID taskId, UUID tenantId, UUID queueId, Medium medium, UUID personId, UUID agentId,
            boolean callback, Instant at) implements RoutingEvent {
    }

    /** An offer is taken back: another agent accepted it (ring all), the caller left, the agent went on break. */
    record OfferWithdrawn(UUID taskId, UUID personId, Instant at) implements RoutingEvent {
    }

    /** The interaction left its queue without an agent; it is no longer in the engine. */
    record Overflowed(UUID taskId, UUID tenantId, UUID queueId, OverflowReason reason, Instant at)
            implements RoutingEvent {
    }

    /** A person's state changed; {@code changedBy} is the supervisor who forced it, or null. */
    record PresenceChanged(UUID personId, Presence from, Presence to, String reason, UUID changedBy, Instant at)
            implements RoutingEvent {
    }
}
