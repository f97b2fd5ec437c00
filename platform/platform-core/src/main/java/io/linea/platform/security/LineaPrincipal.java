package io.linea.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller of a request: one person with memberships in several tenants (TEN-03). */
public record LineaPrincipal(UUID personId, String username, String displayName, String locale,
        Set<String> platformRoles, List<Membership> memberships) {

    public static final String CLAIM_MEMBERSHIPS = "memberships";
    public static final String CLAIM_PLATFORM_ROLES = "platform_roles";

    public LineaPrincipal {
        platformRoles = Set.copyOf(platformRoles);
        memberships = List.copyOf(memberships);
    }

    public Optional<Membership> membership(UUID tenantId) {
        return memberships.stream().filter(m -> m.tenantId().equals(tenantId)).findFirst();
    }

    public boolean isPlatformAdmin() {
        return platformRoles.contains(Roles.PLATFORM_ADMIN);
    }

    @SuppressWarnings("unchecked")
    public static LineaPrincipal fromJwt(Jwt jwt) {
        Object raw = jwt.getClaims().get(CLAIM_MEMBERSHIPS);
        List<Map<String, Object>> claims = raw instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        List<String> platformRoles = Optional.ofNullable(jwt.getClaimAsStringList(CLAIM_PLATFORM_ROLES))
                .orElse(List.of());
        return new LineaPrincipal(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("preferred_username"),
                jwt.getClaimAsString("name"), jwt.getClaimAsString("locale"), Set.copyOf(platformRoles),
                claims.stream().map(Membership::fromClaim).toList());
    }

    /** The principal of the current request, if it carries a Linea token. */
    public static Optional<LineaPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(fromJwt(jwt));
        }
        if (authentication != null && authentication.getPrincipal() instanceof LineaPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }
}
