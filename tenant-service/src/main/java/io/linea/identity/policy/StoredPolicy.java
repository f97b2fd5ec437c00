package io.linea.identity.policy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/**
 * The stored policy of one tenant ({@code identity.tenant_policy}, tenant-owned, one row per tenant). The
 * tenant id is assigned by the code: a new tenant's policy is written in platform scope, where Hibernate
 * keeps the assigned tenant id (in a tenant scope it must be the current tenant). A surrogate primary key,
 * because Hibernate treats an {@code @Id} that is also the {@code @TenantId} as generated and then refuses
 * to persist an entity whose id was assigned.
 */
@Entity
@Table(name = "tenant_policy")
class StoredPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "min_length", nullable = false)
    private int minLength;

    @Column(name = "require_upper", nullable = false)
    private boolean requireUpper;

    @Column(name = "require_lower", nullable = false)
    private boolean requireLower;

    @Column(name = "require_digit", nullable = false)
    private boolean requireDigit;

    @Column(name = "require_symbol", nullable = false)
    private boolean requireSymbol;

    @Column(name = "history_size", nullable = false)
    private int historySize;

    @Column(name = "max_age_days")
    private Integer maxAgeDays;

    @Column(name = "lockout_threshold", nullable = false)
    private int lockoutThreshold;

    @Column(name = "lockout_minutes", nullable = false)
    private int lockoutMinutes;

    @Enumerated(EnumType.STRING)
    @Column(name = "mfa_mode", nullable = false)
    private MfaMode mfaMode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "trusted_networks", nullable = false)
    private String[] trustedNetworks;

    @Column(name = "audit_retention_days", nullable = false)
    private int auditRetentionDays;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StoredPolicy() {
    }

    StoredPolicy(UUID tenantId) {
        this.tenantId = tenantId;
    }

    void change(TenantPolicy p, Instant at) {
        this.minLength = p.minLength();
        this.requireUpper = p.requireUpper();
        this.requireLower = p.requireLower();
        this.requireDigit = p.requireDigit();
        this.requireSymbol = p.requireSymbol();
        this.historySize = p.historySize();
        this.maxAgeDays = p.maxAgeDays();
        this.lockoutThreshold = p.lockoutThreshold();
        this.lockoutMinutes = p.lockoutMinutes();
        this.mfaMode = p.mfaMode();
        this.trustedNetworks = p.trustedNetworks().toArray(String[]::new);
        this.auditRetentionDays = p.auditRetentionDays();
        this.updatedAt = at;
    }

    TenantPolicy view() {
        return new TenantPolicy(tenantId, minLength, requireUpper, requireLower, requireDigit, requireSymbol,
                historySize, maxAgeDays, lockoutThreshold, lockoutMinutes, mfaMode,
                trustedNetworks == null ? List.of() : List.of(trustedNetworks), auditRetentionDays);
    }
}
