package io.linea.cc.ticket;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** A link from a ticket to an interaction of the same tenant; owned by its ticket. */
@Entity
@Table(name = "ticket_interaction")
class TicketInteraction {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID interactionId;

    protected TicketInteraction() {
    }

    TicketInteraction(UUID interactionId) {
        this.id = UUID.randomUUID();
        this.interactionId = interactionId;
    }

    UUID interactionId() {
        return interactionId;
    }
}
