package io.linea.identity.users;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linea.identity.audit.Actor;
import io.linea.identity.audit.AuditLog;
import io.linea.identity.person.MembershipStore;
import io.linea.identity.person.MembershipView;
import io.linea.identity.person.PasswordService;
import io.linea.identity.person.Person;
import io.linea.identity.person.PersonStore;
import io.linea.identity.policy.PasswordRules;
import io.linea.identity.policy.TenantPolicy;
import io.linea.identity.support.Page;
import io.linea.identity.support.Tx;
import io.linea.identity.tenant.Tenant;
import io.linea.identity.tenant.TenantStore;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.PlatformAdminOnly;

/** Platform administration of people and their memberships in any tenant (TEN-03). */
@RestController
@RequestMapping("/api/identity/platform/people")
@PlatformAdminOnly
public class PlatformPeopleController {

    private final PersonStore people;
    private final MembershipStore memberships;
    private final TenantStore tenants;
    private final PasswordService passwords;
    private final AuditLog audit;
    private final Tx tx;

    public PlatformPeopleController(PersonStore people, MembershipStore memberships, TenantStore tenants,
            PasswordService passwords, AuditLog audit, Tx tx) {
        this.people = people;
        this.memberships = memberships;
        this.tenants = tenants;
        this.passwords = passwords;
        this.audit = audit;
        this.tx = tx;
    }

    public record PersonSummary(UUID id, String username, String displayName, String email, String locale,
            List<String> platformRoles, boolean enabled, boolean locked, boolean mfaEnrolled, Instant lastLoginAt) {

        static PersonSummary of(Person p) {
            return new PersonSummary(p.id(), p.username(), p.displayName(), p.email(), p.locale(), p.platformRoles(),
                    p.enabled(), p.locked(Instant.now()), p.mfaEnrolled(), p.lastLoginAt());
        }
    }

    public record PersonMembership(UUID tenantId, String slug, String name, Tenant.Status status, List<String> roles,
            List<String> extraPermissions, List<String> permissions, boolean enabled) {

        static PersonMembership of(MembershipView m) {
            return new PersonMembership(m.tenantId(), m.slug(), m.tenantName(), m.tenantStatus(), m.roles(),
                    m.extraPermissions(), List.copyOf(m.permissions()), m.enabled());
        }
    }

    public record PersonDetail(UUID id, String username, String displayName, String email, String locale,
            List<String> platformRoles, boolean enabled, boolean locked, boolean mfaEnrolled, Instant lastLoginAt,
            List<PersonMembership> memberships) {
    }

    public record CreatePerson(@NotBlank @Pattern(regexp = UsersController.USERNAME_PATTERN) String username,
            @NotBlank @Size(max = 200) String displayName, @Email @Size(max = 254) String email,
            @Size(max = 10) String locale, @NotNull @Size(max = 200) String initialPassword) {
    }

    public record MembershipGrant(@NotNull List<String> roles, List<String> extraPermissions) {
    }

    @GetMapping
    public Page<PersonSummary> list(@RequestParam(required = false) String query,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Page.Request paging = Page.Request.of(page, size);
        return tx.platform(() -> {
            Page<Person> found = people.search(query, paging);
            return new Page<>(found.items().stream().map(PersonSummary::of).toList(), found.page(), found.size(),
                    found.total());
        });
    }

    @PostMapping
    public ResponseEntity<PersonDetail> create(@Valid @RequestBody CreatePerson body) {
        String username = PersonStore.normalise(body.username());
        String locale = Grants.locale(body.locale(), "locale");
        PersonDetail created = tx.platform(() -> {
            if (people.usernameTaken(username)) {
                throw LineaProblemException.conflict("user.username-taken");
            }
            passwords.require(PasswordRules.of(TenantPolicy.defaults(null)), null, username, body.initialPassword(),
                    "initialPassword");
            UUID id = UUID.randomUUID();
            people.insert(id, username, body.displayName().trim(), Grants.blankToNull(body.email()), locale,
                    passwords.hash(body.initialPassword()), List.of());
            audit.platform("person.created", AuditLog.SUCCESS, Actor.current(), null,
                    Map.of("personId", id.toString(), "username", username));
            return detail(id);
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/{id}")
    public PersonDetail get(@PathVariable UUID id) {
        return tx.platform(() -> detail(id));
    }

    @PutMapping("/{id}/memberships/{tenantId}")
    public PersonDetail grant(@PathVariable UUID id, @PathVariable UUID tenantId,
            @Valid @RequestBody MembershipGrant body) {
        List<String> roles = Grants.roles(body.roles());
        List<String> extra = Grants.extraPermissions(body.extraPermissions());
        return tx.platform(() -> {
            Person person = people.find(id).orElseThrow(() -> LineaProblemException.notFound("person"));
            Tenant tenant = tenants.find(tenantId).orElseThrow(() -> LineaProblemException.notFound("tenant"));
            boolean created = memberships.upsert(tenantId, id, roles, extra);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("personId", id.toString());
            details.put("username", person.username());
            details.put("roles", roles);
            details.put("extraPermissions", extra);
            String event = created ? "membership.created" : "membership.updated";
            audit.tenant(tenant.id(), event, AuditLog.SUCCESS, Actor.current(), details);
            audit.platform(event, AuditLog.SUCCESS, Actor.current(), tenant.id(), details);
            return detail(id);
        });
    }

    @DeleteMapping("/{id}/memberships/{tenantId}")
    public ResponseEntity<Void> revoke(@PathVariable UUID id, @PathVariable UUID tenantId) {
        tx.platformRun(() -> {
            Person person = people.find(id).orElseThrow(() -> LineaProblemException.notFound("person"));
            if (!memberships.delete(tenantId, id)) {
                throw LineaProblemException.notFound("membership");
            }
            Map<String, Object> details = Map.of("personId", id.toString(), "username", person.username());
            audit.tenant(tenantId, "membership.removed", AuditLog.SUCCESS, Actor.current(), details);
            audit.platform("membership.removed", AuditLog.SUCCESS, Actor.current(), tenantId, details);
        });
        return ResponseEntity.noContent().build();
    }

    private PersonDetail detail(UUID id) {
        Person p = people.find(id).orElseThrow(() -> LineaProblemException.notFound("person"));
        return new PersonDetail(p.id(), p.username(), p.displayName(), p.email(), p.locale(), p.platformRoles(),
                p.enabled(), p.locked(Instant.now()), p.mfaEnrolled(), p.lastLoginAt(),
                people.memberships(id).stream().map(PersonMembership::of).toList());
    }
}
