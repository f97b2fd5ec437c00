package io.linea.identity.oidc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.linea.identity.person.MembershipView;
import io.linea.identity.person.Person;
import io.linea.identity.person.PersonStore;
import io.linea.identity.support.Tx;
import io.linea.platform.security.Membership;

/**
 * The Linea claims of a person (docs/architecture.md "Identity and tokens"): {@code preferred_username},
 * {@code name}, {@code locale}, {@code platform_roles} and {@code memberships} (enabled memberships of
 * active tenants only, with effective permissions).
 */
@Component
public class IdentityClaims {

    private final PersonStore people;
    private final Tx tx;

    public IdentityClaims(PersonStore people, Tx tx) {
        this.people = people;
        this.tx = tx;
    }

    public Optional<Map<String, Object>> of(UUID personId) {
        return tx.platform(() -> people.find(personId).map(person -> claims(person, people.memberships(personId))));
    }

    static Map<String, Object> claims(Person person, List<MembershipView> memberships) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", person.username());
        claims.put("name", person.displayName());
        claims.put("locale", person.locale());
        claims.put("platform_roles", List.copyOf(person.platformRoles()));
        List<Map<String, Object>> tokenMemberships = new ArrayList<>();
        for (MembershipView m : memberships) {
            if (m.usable()) {
                tokenMemberships.add(new Membership(m.tenantId(), m.slug(), m.tenantName(),
                        new java.util.LinkedHashSet<>(m.roles()), m.permissions()).toClaim());
            }
        }
        claims.put("memberships", tokenMemberships);
        return claims;
    }
}
