package io.linea.cc.provisioning;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/**
 * A number assigned to the current tenant. The platform creates, moves and removes these rows (see
 * {@link PhoneNumbers}); the tenant only routes them, and its database role may update nothing else.
 */
@Entity
@Table(name = "tenant_number")
class TenantNumber {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(insertable = false, updatable = false)
    private String e164;

    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false)
    private NumberType type;

    @Enumerated(EnumType.STRING)
    private RouteTarget target;

    private String greeting;

    private UUID queueId;

    private int priority;

    @Version
    private Long version;

    protected TenantNumber() {
    }

    void route(RouteTarget target, String greeting, UUID queueId, int priority) {
        this.target = target;
        this.greeting = greeting;
        this.queueId = target == RouteTarget.QUEUE ? queueId : null;
        this.priority = priority;
    }

    long version() {
        return version == null ? 0 : version;
    }

    TenantNumberView view() {
        return new TenantNumberView(id, e164, type, target, greeting, queueId, priority, version());
    }
}
