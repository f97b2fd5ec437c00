package io.linea.cc.ticket;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** A comment on a ticket, never changed once written. */
@Entity
@Table(name = "ticket_comment")
class TicketComment {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID ticketId;

    private UUID authorId;

    private String authorName;

    private String text;

    private boolean internal;

    private Instant createdAt;

    protected TicketComment() {
    }

    TicketComment(UUID ticketId, UUID authorId, String authorName, String text, boolean internal, Instant at) {
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.authorId = authorId;
        this.authorName = authorName;
        this.text = text;
        this.internal = internal;
        this.createdAt = at;
    }

    UUID ticketId() {
        return ticketId;
    }

    TicketCommentView view() {
        return new TicketCommentView(id, authorId, authorName, text, internal, createdAt);
    }
}
