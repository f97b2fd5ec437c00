package io.linea.platform.security;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tenant roles and the permissions each grants by default (ADM-01). A tenant admin may grant any
 * permission of {@link Permissions#GRANTABLE} to a single user on top of the role defaults.
 */
public enum Roles {

    TENANT_ADMIN("tenant-admin", Permissions.ALL),
    SUPERVISOR("supervisor", List.of(Permissions.QUEUES_VIEW, Permissions.CALENDARS_VIEW, Permissions.SETTINGS_VIEW,
            Permissions.REPORTS_VIEW, Permissions.RECORDINGS_LISTEN, Permissions.CALLBACKS_HANDLE,
            Permissions.AGENTS_MONITOR, Permissions.USERS_VIEW, Permissions.TELEPHONY_VIEW,
            Permissions.INTERACTIONS_VIEW, Permissions.CALLS_PLACE, Permissions.CLIENTS_VIEW,
            Permissions.CLIENTS_MANAGE, Permissions.TICKETS_HANDLE, Permissions.TICKETS_MANAGE, Permissions.KB_VIEW,
            Permissions.KB_MANAGE)),
    AGENT("agent", List.of(Permissions.QUEUES_VIEW, Permissions.CALENDARS_VIEW, Permissions.SETTINGS_VIEW,
            Permissions.CALLBACKS_HANDLE, Permissions.CALLS_PLACE, Permissions.CLIENTS_VIEW, Permissions.CLIENTS_MANAGE,
            Permissions.TICKETS_HANDLE, Permissions.KB_VIEW)),
    WALLBOARD("wallboard", List.of(Permissions.WALLBOARD_VIEW, Permissions.QUEUES_VIEW)),
    CUSTOMER_MANAGER("customer-manager", List.of(Permissions.REPORTS_VIEW, Permissions.SETTINGS_VIEW));

    /** The one platform-level role: the BPO's platform administrators. */
    public static final String PLATFORM_ADMIN = "platform-admin";

    private final String id;
    private final Set<String> permissions;

    Roles(String id, List<String> permissions) {
        this.id = id;
        this.permissions = Collections.unmodifiableSet(new LinkedHashSet<>(permissions));
    }

    public String id() {
        return id;
    }

    public Set<String> permissions() {
        return permissions;
    }

    public static Optional<Roles> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** Role defaults plus extra grants, in a stable order. Unknown role ids are ignored. */
    public static Set<String> effectivePermissions(Iterable<String> roleIds, Iterable<String> extraGrants) {
        Set<String> result = new LinkedHashSet<>();
        for (String roleId : roleIds) {
            byId(roleId).ifPresent(role -> result.addAll(role.permissions));
        }
        for (String grant : extraGrants) {
            if (Permissions.GRANTABLE.contains(grant)) {
                result.add(grant);
            }
        }
        return result;
    }
}
