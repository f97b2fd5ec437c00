package io.linea.cc.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a caller wants a ticket to be (create, or full replace with {@code status}). {@code resolutionDue}
 * is an agreed date that replaces the computed resolution due time; null keeps the SLA policy's.
 */
public record TicketDraft(String subject, String description, TicketStatus status, TicketPriority priority,
        UUID assigneeId, String group, UUID clientId, List<UUID> interactionIds, Instant resolutionDue) {

    public TicketDraft {
        interactionIds = interactionIds == null ? List.of() : List.copyOf(interactionIds);
    }
}
