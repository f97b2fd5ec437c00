package io.linea.identity.person;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.linea.identity.support.Page;
import io.linea.identity.tenant.TenantStore;

/**
 * Access to {@code identity.membership} through the {@link Membership} entity (tenant-owned: Hibernate's
 * {@code @TenantId} filter and row-level security; every method names the tenant explicitly as well, so
 * that platform-scope callers address one tenant). Writes are flushed at once, so that constraint
 * violations surface where they happen and SQL in the same transaction sees them.
 */
@Component
public class MembershipStore {

    private final Memberships memberships;
    private final PersonStore people;
    private final TenantStore tenants;

    MembershipStore(Memberships memberships, PersonStore people, TenantStore tenants) {
        this.memberships = memberships;
        this.people = people;
        this.tenants = tenants;
    }

    public Optional<MembershipView> find(UUID tenantId, UUID personId) {
        return memberships.findByTenantIdAndPersonId(tenantId, personId)
                .flatMap(m -> tenants.find(m.tenantId()).map(m::view));
    }

    /** Inserts or replaces roles and extra permissions; returns true when the membership is new. */
    public boolean upsert(UUID tenantId, UUID personId, List<String> roles, List<String> extraPermissions) {
        Optional<Membership> existing = memberships.findByTenantIdAndPersonId(tenantId, personId);
        if (existing.isPresent()) {
            existing.get().grant(roles, extraPermissions);
            memberships.saveAndFlush(existing.get());
            return false;
        }
        memberships.saveAndFlush(new Membership(tenantId, personId, roles, extraPermissions, Instant.now()));
        return true;
    }

    public void setEnabled(UUID tenantId, UUID personId, boolean enabled) {
        memberships.findByTenantIdAndPersonId(tenantId, personId).ifPresent(m -> {
            m.enable(enabled);
            memberships.saveAndFlush(m);
        });
    }

    public boolean delete(UUID tenantId, UUID personId) {
        Optional<Membership> existing = memberships.findByTenantIdAndPersonId(tenantId, personId);
        existing.ifPresent(m -> {
            memberships.delete(m);
            memberships.flush();
        });
        return existing.isPresent();
    }

    /** Members of the tenant with their identity, filtered by a search term over username, name and e-mail. */
    public Page<Member> members(UUID tenantId, String query, Page.Request paging) {
        String pattern = query == null || query.isBlank() ? null : likePattern(query.trim());
        org.springframework.data.domain.Page<Membership> page = memberships.search(tenantId, pattern,
                PageRequest.of(paging.page(), paging.size()));
        Map<UUID, Person> persons = people.findAll(page.getContent().stream().map(Membership::personId).toList())
                .stream().collect(Collectors.toMap(Person::id, Function.identity()));
        List<Member> items = page.getContent().stream().map(m -> member(m, persons.get(m.personId())))
                .filter(Objects::nonNull).toList();
        return new Page<>(items, paging.page(), paging.size(), page.getTotalElements());
    }

    public Optional<Member> member(UUID tenantId, UUID personId) {
        return memberships.findByTenantIdAndPersonId(tenantId, personId)
                .flatMap(m -> people.find(m.personId()).map(person -> member(m, person)));
    }

    /** How many tenants other than {@code tenantId} the person belongs to (platform scope needed). */
    public long otherTenantCount(UUID personId, UUID tenantId) {
        return memberships.countByPersonIdAndTenantIdNot(personId, tenantId);
    }

    private static Member member(Membership membership, Person person) {
        return person == null ? null
                : new Member(person, membership.roles(), membership.extraPermissions(), membership.enabled());
    }

    /** Lower-case LIKE pattern for {@code escape '!'}: the term's wildcards match literally. */
    static String likePattern(String term) {
        String escaped = term.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_");
        return "%" + escaped + "%";
    }

    /** A person as a member of one tenant. */
    public record Member(Person person, List<String> roles, List<String> extraPermissions, boolean enabled) {
    }
}
