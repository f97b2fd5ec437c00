package io.linea.cc.telephony;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One step of an interaction, with Asterisk's timestamp. */
@Entity
@Table(name = "interaction_event")
class InteractionEvent {

    /** The steps; the routing engine and IVR will add their own. */
    enum Type {
        OFFERED, GREETING, RINGING, ANSWERED, AGENT_REJECTED, AGENT_NO_ANSWER, DIALLING, ENDED, ABANDONED, FAILED,
        /** The call was put on hold and taken off it (AGT-02); the other party heard music meanwhile. */
        HELD, RESUMED,
        /** Routing path (ACD-01 … ACD-14): joined a queue, left it without an agent, a callback, a voicemail. */
        QUEUED, OVERFLOWED, CALLBACK_REQUESTED, CALLBACK_ATTEMPTED, VOICEMAIL,
        /**
         * AGT-03: an agent rang for a transfer or conference, answered it, got the call (the interaction's agent
         * from then on), or the transfer was cancelled; a three-way conference began, a party left it.
         */
        CONSULTING, CONSULTED, TRANSFERRED, TRANSFER_CANCELLED, CONFERENCED, CONFERENCE_LEFT,
        /** Its categories (dispositions) changed, during or after the contact (AGT-05); written by people, not calls. */
        CATEGORIZED
    }

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID interactionId;

    private String type;

    private Instant at;

    private UUID agentId;

    private String agentName;

    private String detail;

    protected InteractionEvent() {
    }

    InteractionEvent(UUID interactionId, Type type, Instant at, UUID agentId, String agentName, String detail) {
        this.id = UUID.randomUUID();
        this.interactionId = interactionId;
        this.type = type.name();
        this.at = at;
        this.agentId = agentId;
        this.agentName = agentName;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    InteractionView.EventView view() {
        return new InteractionView.EventView(type, at, agentId, agentName, detail);
    }
}
