package io.linea.identity.person;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import io.linea.identity.tenant.Tenant;

/**
 * A person's membership in one tenant ({@code identity.membership}, tenant-owned: Hibernate's tenant filter
 * and row-level security). The tenant id is assigned by the code because memberships are also created in
 * platform scope (platform administration, demo seed), where Hibernate keeps the assigned value; in a
 * tenant scope Hibernate refuses a value other than the current tenant.
 */
@Entity
@Table(name = "membership")
class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private UUID personId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "roles", nullable = false)
    private String[] roles;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "extra_permissions", nullable = false)
    private String[] extraPermissions;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Membership() {
    }

    Membership(UUID tenantId, UUID personId, List<String> roles, List<String> extraPermissions, Instant createdAt) {
        this.tenantId = tenantId;
        this.personId = personId;
        this.enabled = true;
        this.createdAt = createdAt;
        grant(roles, extraPermissions);
    }

    /** Replaces roles and extra permissions. */
    void grant(List<String> roles, List<String> extraPermissions) {
        this.roles = array(roles);
        this.extraPermissions = array(extraPermissions);
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    UUID tenantId() {
        return tenantId;
    }

    UUID personId() {
        return personId;
    }

    List<String> roles() {
        return roles == null ? List.of() : List.of(roles);
    }

    List<String> extraPermissions() {
        return extraPermissions == null ? List.of() : List.of(extraPermissions);
    }

    boolean enabled() {
        return enabled;
    }

    MembershipView view(Tenant tenant) {
        return new MembershipView(tenantId, personId, tenant.slug(), tenant.displayName(), tenant.status(), roles(),
                extraPermissions(), enabled);
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }
}
