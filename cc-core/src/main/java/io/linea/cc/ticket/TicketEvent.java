package io.linea.cc.ticket;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One change of a ticket, append-only: who, what, when (HD-01). */
@Entity
@Table(name = "ticket_event")
class TicketEvent {

    @Id
    private UUID id;

    @Column(insertable = false, updatable = false)
    private Long seq;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID ticketId;

    private Instant at;

    private UUID actorId;

    private String actorName;

    private String type;

    private String detail;

    protected TicketEvent() {
    }

    TicketEvent(UUID ticketId, Instant at, Actor actor, String type, String detail) {
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.at = at;
        this.actorId = actor == null ? null : actor.id();
        this.actorName = actor == null ? null : actor.name();
        this.type = type;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    TicketEventView view() {
        return new TicketEventView(id, at, actorId, actorName, type, detail);
    }
}
