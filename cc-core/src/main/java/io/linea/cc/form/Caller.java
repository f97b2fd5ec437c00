package io.linea.cc.form;

import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Membership;
import io.linea.platform.security.Permissions;
import io.linea.platform.tenancy.TenantContext;

/**
 * Who reads or writes, in the current tenant: the person (recorded as author), their roles there (which
 * form fields they may see, CRM-06) and their permissions. Supervisors and tenant admins hold
 * {@code agents.monitor} and see every answer; agents see the answers they filled.
 */
public record Caller(UUID personId, String name, Set<String> roles, Set<String> permissions) {

    public Caller {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** The caller of the current request, in the tenant it names. */
    static Caller current() {
        LineaPrincipal me = LineaPrincipal.current()
                .orElseThrow(() -> new LineaProblemException(HttpStatus.UNAUTHORIZED, "auth.required"));
        Membership membership = me.membership(TenantContext.requireTenant())
                .orElseThrow(() -> LineaProblemException.forbidden("tenant.not-member"));
        String name = me.displayName() == null || me.displayName().isBlank() ? me.username() : me.displayName();
        return new Caller(me.personId(), name, membership.roles(), membership.permissions());
    }

    /** Sees every answer of the tenant, not only their own (CRM-06). */
    public boolean seesAllAnswers() {
        return permissions.contains(Permissions.AGENTS_MONITOR);
    }

    /** 403 {@code permission.denied} naming the permissions unless the caller holds one of them. */
    void requireAny(String... anyOf) {
        for (String permission : anyOf) {
            if (permissions.contains(permission)) {
                return;
            }
        }
        throw LineaProblemException.forbidden("permission.denied", String.join(", ", anyOf));
    }
}
