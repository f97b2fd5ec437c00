package io.linea.identity.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/**
 * One entry of a tenant's audit log ({@code identity.audit_event}, tenant-owned, append-only: the
 * application role may only select and insert, and the entity is immutable). The tenant id is assigned
 * by the code: login and platform administration write tenant entries in platform scope, where Hibernate
 * keeps the assigned value. {@code details} is JSON text, (de)serialised by {@link AuditLog} with the
 * application's Jackson and cast to {@code jsonb} on insert.
 */
@Entity
@Immutable
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "type", nullable = false, updatable = false)
    private String type;

    @Column(name = "outcome", nullable = false, updatable = false)
    private String outcome;

    @Column(name = "actor_id", updatable = false)
    private UUID actorId;

    @Column(name = "actor_name", updatable = false)
    private String actorName;

    @Column(name = "source_ip", updatable = false)
    private String sourceIp;

    @Column(name = "user_agent", updatable = false)
    private String userAgent;

    @Column(name = "details", columnDefinition = "jsonb", nullable = false, updatable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String details;

    protected AuditEvent() {
    }

    AuditEvent(UUID tenantId, Instant occurredAt, String type, String outcome, UUID actorId, String actorName,
            String sourceIp, String userAgent, String details) {
        this.tenantId = tenantId;
        this.occurredAt = occurredAt;
        this.type = type;
        this.outcome = outcome;
        this.actorId = actorId;
        this.actorName = actorName;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
        this.details = details;
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String type() {
        return type;
    }

    String outcome() {
        return outcome;
    }

    UUID actorId() {
        return actorId;
    }

    String actorName() {
        return actorName;
    }

    String sourceIp() {
        return sourceIp;
    }

    String userAgent() {
        return userAgent;
    }

    String details() {
        return details;
    }
}
