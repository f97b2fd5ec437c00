package io.linea.identity.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import io.linea.identity.person.PasswordService;
import io.linea.identity.person.PersonStore;
import io.linea.identity.policy.PasswordRules;
import io.linea.identity.policy.PolicyStore;
import io.linea.identity.support.Page;
import io.linea.identity.support.Tx;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;
import io.linea.platform.security.Roles;
import io.linea.platform.tenancy.TenantContext;

/**
 * The tenant admin's user management (ADM-01): the members of the tenant in scope. A user is a person
 * with a membership here; removing the user removes the membership, never the person.
 */
@RestController
@RequestMapping("/api/identity/users")
public class UsersController {

    static final String USERNAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$";

    private final MembershipStore memberships;
    private final PersonStore people;
    private final PasswordService passwords;
    private final PolicyStore policies;
    private final AuditLog audit;
    private final Tx tx;

    public UsersController(MembershipStore memberships, PersonStore people, PasswordService passwords,
            PolicyStore policies, AuditLog audit, Tx tx) {
        this.memberships = memberships;
        this.people = people;
        this.passwords = passwords;
        this.policies = policies;
        this.audit = audit;
        this.tx = tx;
    }

    public record CreateUser(@NotBlank @Pattern(regexp = USERNAME_PATTERN) String username,
            @NotBlank @Size(max = 200) String displayName, @Email @Size(max = 254) String email,
            @Size(max = 10) String locale, @NotNull @Size(max = 200) String initialPassword, List<String> roles,
            List<String> extraPermissions) {
    }

    public record UpdateUser(@NotBlank @Size(max = 200) String displayName, @Email @Size(max = 254) String email,
            @Size(max = 10) String locale, @NotNull List<String> roles, List<String> extraPermissions) {
    }

    @GetMapping
    @RequiresPermission(Permissions.USERS_VIEW)
    public Page<UserView> list(@RequestParam(required = false) String query, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Page.Request paging = Page.Request.of(page, size);
        UUID tenant = TenantContext.requireTenant();
        return tx.currentTenant(() -> {
            Page<MembershipStore.Member> members = memberships.members(tenant, query, paging);
            return new Page<>(members.items().stream().map(UserView::of).toList(), members.page(), members.size(),
                    members.total());
        });
    }

    @PostMapping
    @RequiresPermission(Permissions.USERS_MANAGE)
    public ResponseEntity<UserView> create(@Valid @RequestBody CreateUser body) {
        UUID tenant = TenantContext.requireTenant();
        List<String> roles = Grants.roles(body.roles());
        List<String> extra = Grants.extraPermissions(body.extraPermissions());
        String locale = Grants.locale(body.locale(), "locale");
        String username = PersonStore.normalise(body.username());
        UserView created = tx.currentTenant(() -> {
            if (people.usernameTaken(username)) {
                throw LineaProblemException.conflict("user.username-taken");
            }
            PasswordRules rules = PasswordRules.of(policies.get(tenant));
            passwords.require(rules, null, username, body.initialPassword(), "initialPassword");
            UUID id = UUID.randomUUID();
            people.insert(id, username, body.displayName().trim(), Grants.blankToNull(body.email()), locale,
                    passwords.hash(body.initialPassword()), List.of());
            memberships.upsert(tenant, id, roles, extra);
            audit.tenant(tenant, "user.created", AuditLog.SUCCESS, Actor.current(),
                    Map.of("personId", id.toString(), "username", username, "roles", roles, "extraPermissions", extra));
            return UserView.of(memberships.member(tenant, id).orElseThrow());
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.USERS_VIEW)
    public UserView get(@PathVariable UUID id) {
        UUID tenant = TenantContext.requireTenant();
        return tx.currentTenant(() -> UserView.of(member(tenant, id)));
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.USERS_MANAGE)
    public UserView update(@PathVariable UUID id, @Valid @RequestBody UpdateUser body) {
        UUID tenant = TenantContext.requireTenant();
        List<String> roles = Grants.roles(body.roles());
        List<String> extra = Grants.extraPermissions(body.extraPermissions());
        String locale = Grants.locale(body.locale(), "locale");
        long otherTenants = tx.platform(() -> memberships.otherTenantCount(id, tenant));
        return tx.currentTenant(() -> {
            MembershipStore.Member member = member(tenant, id);
            var person = member.person();
            String email = Grants.blankToNull(body.email());
            String displayName = body.displayName().trim();
            boolean profileChanged = !displayName.equals(person.displayName()) || !Objects.equals(email, person.email())
                    || !locale.equals(person.locale());
            if (profileChanged && otherTenants > 0) {
                throw LineaProblemException.conflict("user.profile-shared");
            }
            if (isSelf(id) && member.roles().contains(Roles.TENANT_ADMIN.id())
                    && !roles.contains(Roles.TENANT_ADMIN.id())) {
                throw LineaProblemException.conflict("user.cannot-change-self");
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            if (profileChanged) {
                people.updateProfile(id, displayName, email, locale);
                changes.put("displayName", displayName);
                changes.put("email", email == null ? "" : email);
                changes.put("locale", locale);
            }
            if (!roles.equals(member.roles()) || !extra.equals(member.extraPermissions())) {
                memberships.upsert(tenant, id, roles, extra);
                changes.put("roles", roles);
                changes.put("extraPermissions", extra);
                changes.put("previousRoles", member.roles());
                changes.put("previousExtraPermissions", member.extraPermissions());
            }
            if (!changes.isEmpty()) {
                changes.put("personId", id.toString());
                changes.put("username", person.username());
                audit.tenant(tenant, "user.updated", AuditLog.SUCCESS, Actor.current(), changes);
            }
            return UserView.of(member(tenant, id));
        });
    }

    @PostMapping("/{id}/disable")
    @RequiresPermission(Permissions.USERS_MANAGE)
    public UserView disable(@PathVariable UUID id) {
        return setEnabled(id, false);
    }

    @PostMapping("/{id}/enable")
    @RequiresPermission(Permissions.USERS_MANAGE)
    public UserView enable(@PathVariable UUID id) {
        return setEnabled(id, true);
    }

    @PostMapping("/{id}/unlock")
    @RequiresPermission(Permissions.USERS_MANAGE)
    public UserView unlock(@PathVariable UUID id) {
        UUID tenant = TenantContext.requireTenant();
        return tx.currentTenant(() -> {
            MembershipStore.Member member = member(tenant, id);
            people.resetFailures(id);
            audit.tenant(tenant, "user.unlocked", AuditLog.SUCCESS, Actor.current(),
                    Map.of("personId", id.toString(), "username", member.person().username()));
            return UserView.of(member(tenant, id));
        });
    }

    @DeleteMapping("/{id}")
    @RequiresPermission(Permissions.USERS_MANAGE)
    public ResponseEntity<Void> remove(@PathVariable UUID id) {
        UUID tenant = TenantContext.requireTenant();
        if (isSelf(id)) {
            throw LineaProblemException.conflict("user.cannot-change-self");
        }
        tx.currentTenantRun(() -> {
            MembershipStore.Member member = member(tenant, id);
            memberships.delete(tenant, id);
            audit.tenant(tenant, "membership.removed", AuditLog.SUCCESS, Actor.current(),
                    Map.of("personId", id.toString(), "username", member.person().username(), "roles", member.roles()));
        });
        return ResponseEntity.noContent().build();
    }

    private UserView setEnabled(UUID id, boolean enabled) {
        UUID tenant = TenantContext.requireTenant();
        if (!enabled && isSelf(id)) {
            throw LineaProblemException.conflict("user.cannot-change-self");
        }
        return tx.currentTenant(() -> {
            MembershipStore.Member member = member(tenant, id);
            memberships.setEnabled(tenant, id, enabled);
            audit.tenant(tenant, enabled ? "user.enabled" : "user.disabled", AuditLog.SUCCESS, Actor.current(),
                    Map.of("personId", id.toString(), "username", member.person().username()));
            return UserView.of(member(tenant, id));
        });
    }

    private MembershipStore.Member member(UUID tenant, UUID id) {
        return memberships.member(tenant, id).orElseThrow(() -> LineaProblemException.notFound("user"));
    }

    private static boolean isSelf(UUID id) {
        return id.equals(Actor.current().id());
    }
}
