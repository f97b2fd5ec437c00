package io.linea.cc.ticket;

import java.time.Instant;
import java.util.UUID;

/** A comment on a ticket; internal comments are notes between agents, never a response to the customer. */
public record TicketCommentView(UUID id, UUID authorId, String authorName, String text, boolean internal,
        Instant createdAt) {
}
