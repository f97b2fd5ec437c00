package io.linea.cc.queue;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** A reason an agent gives for a break (ACD-05): lunch, training, coaching. */
@Entity
@Table(name = "break_reason")
class BreakReason {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String name;

    private boolean paid;

    private Integer maxMinutes;

    private boolean enabled;

    @Version
    private Long version;

    protected BreakReason() {
    }

    BreakReason(BreakReasonView draft) {
        this.id = UUID.randomUUID();
        change(draft);
    }

    void change(BreakReasonView draft) {
        this.name = draft.name();
        this.paid = draft.paid();
        this.maxMinutes = draft.maxMinutes();
        this.enabled = draft.enabled();
    }

    UUID id() {
        return id;
    }

    long version() {
        return version == null ? 0 : version;
    }

    BreakReasonView view() {
        return new BreakReasonView(id, name, paid, maxMinutes, enabled, version());
    }
}
