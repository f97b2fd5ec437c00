package io.linea.identity.person;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.linea.identity.tenant.Tenant;
import io.linea.platform.security.Roles;

/** A person's membership joined with its tenant. */
public record MembershipView(UUID tenantId, UUID personId, String slug, String tenantName, Tenant.Status tenantStatus,
        List<String> roles, List<String> extraPermissions, boolean enabled) {

    public MembershipView {
        roles = List.copyOf(roles);
        extraPermissions = List.copyOf(extraPermissions);
    }

    /** Enabled, in an active tenant: goes into the token. */
    public boolean usable() {
        return enabled && tenantStatus == Tenant.Status.ACTIVE;
    }

    public Set<String> permissions() {
        return Roles.effectivePermissions(roles, extraPermissions);
    }

    public boolean adminOrSupervisor() {
        return roles.contains(Roles.TENANT_ADMIN.id()) || roles.contains(Roles.SUPERVISOR.id());
    }
}
