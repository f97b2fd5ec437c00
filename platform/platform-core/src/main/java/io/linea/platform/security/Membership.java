package io.linea.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One tenant membership as carried in the access token. */
public record Membership(UUID tenantId, String slug, String name, Set<String> roles, Set<String> permissions) {

    public Membership {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }

    /** The token claim shape ({@code tenant_id, slug, name, roles, permissions}). */
    public Map<String, Object> toClaim() {
        return Map.of("tenant_id", tenantId.toString(), "slug", slug, "name", name,
                "roles", List.copyOf(roles), "permissions", List.copyOf(permissions));
    }

    @SuppressWarnings("unchecked")
    static Membership fromClaim(Map<String, Object> claim) {
        return new Membership(UUID.fromString((String) claim.get("tenant_id")), (String) claim.get("slug"),
                (String) claim.get("name"), Set.copyOf((List<String>) claim.getOrDefault("roles", List.of())),
                Set.copyOf((List<String>) claim.getOrDefault("permissions", List.of())));
    }
}
