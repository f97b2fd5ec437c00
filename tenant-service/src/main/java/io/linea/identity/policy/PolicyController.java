package io.linea.identity.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linea.identity.audit.Actor;
import io.linea.identity.audit.AuditLog;
import io.linea.identity.support.Cidr;
import io.linea.identity.support.Tx;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;
import io.linea.platform.tenancy.TenantContext;

/** The tenant's security policy (SEC-01, SEC-02, SEC-03): password rules, lockout, MFA, trusted networks, retention. */
@RestController
@RequestMapping("/api/identity/policy")
public class PolicyController {

    private final PolicyStore policies;
    private final AuditLog audit;
    private final Tx tx;

    public PolicyController(PolicyStore policies, AuditLog audit, Tx tx) {
        this.policies = policies;
        this.audit = audit;
        this.tx = tx;
    }

    public record PolicyView(int minLength, boolean requireUpper, boolean requireLower, boolean requireDigit,
            boolean requireSymbol, int historySize, Integer maxAgeDays, int lockoutThreshold, int lockoutMinutes,
            MfaMode mfaMode, List<String> trustedNetworks, int auditRetentionDays) {

        static PolicyView of(TenantPolicy p) {
            return new PolicyView(p.minLength(), p.requireUpper(), p.requireLower(), p.requireDigit(),
                    p.requireSymbol(), p.historySize(), p.maxAgeDays(), p.lockoutThreshold(), p.lockoutMinutes(),
                    p.mfaMode(), p.trustedNetworks(), p.auditRetentionDays());
        }
    }

    public record PolicyUpdate(@NotNull @Min(8) @Max(128) Integer minLength, @NotNull Boolean requireUpper,
            @NotNull Boolean requireLower, @NotNull Boolean requireDigit, @NotNull Boolean requireSymbol,
            @NotNull @Min(0) @Max(24) Integer historySize, @Min(1) @Max(3650) Integer maxAgeDays,
            @NotNull @Min(3) @Max(100) Integer lockoutThreshold, @NotNull @Min(1) @Max(1440) Integer lockoutMinutes,
            @NotNull MfaMode mfaMode, @Size(max = 50) List<@NotNull @Size(max = 50) String> trustedNetworks,
            @NotNull @Min(183) @Max(3650) Integer auditRetentionDays) {
    }

    @GetMapping
    @RequiresPermission(Permissions.POLICY_MANAGE)
    public PolicyView get() {
        UUID tenant = TenantContext.requireTenant();
        return tx.currentTenant(() -> PolicyView.of(policies.get(tenant)));
    }

    @PutMapping
    @RequiresPermission(Permissions.POLICY_MANAGE)
    public PolicyView update(@Valid @RequestBody PolicyUpdate body) {
        UUID tenant = TenantContext.requireTenant();
        List<String> networks = networks(body.trustedNetworks());
        TenantPolicy updated = new TenantPolicy(tenant, body.minLength(), body.requireUpper(), body.requireLower(),
                body.requireDigit(), body.requireSymbol(), body.historySize(), body.maxAgeDays(),
                body.lockoutThreshold(), body.lockoutMinutes(), body.mfaMode(), networks, body.auditRetentionDays());
        return tx.currentTenant(() -> {
            TenantPolicy before = policies.get(tenant);
            policies.save(updated);
            Map<String, Object> changes = changes(PolicyView.of(before), PolicyView.of(updated));
            if (!changes.isEmpty()) {
                audit.tenant(tenant, "policy.updated", AuditLog.SUCCESS, Actor.current(), Map.of("changes", changes));
            }
            return PolicyView.of(policies.get(tenant));
        });
    }

    static List<String> networks(List<String> values) {
        List<String> result = new ArrayList<>();
        List<LineaProblemException.FieldProblem> problems = new ArrayList<>();
        for (String value : new LinkedHashSet<>(values == null ? List.<String>of() : values)) {
            if (Cidr.parse(value).isEmpty() || !value.trim().contains("/")) {
                problems.add(new LineaProblemException.FieldProblem("trustedNetworks", "policy.invalid-network", value));
            } else {
                result.add(value.trim());
            }
        }
        if (!problems.isEmpty()) {
            throw new LineaProblemException(HttpStatus.BAD_REQUEST, "validation.failed", problems);
        }
        return result;
    }

    private static Map<String, Object> changes(PolicyView before, PolicyView after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (var component : PolicyView.class.getRecordComponents()) {
            try {
                Object old = component.getAccessor().invoke(before);
                Object now = component.getAccessor().invoke(after);
                if (!Objects.equals(old, now)) {
                    Map<String, Object> change = new LinkedHashMap<>();
                    change.put("from", old == null ? null : String.valueOf(old));
                    change.put("to", now == null ? null : String.valueOf(now));
                    changes.put(component.getName(), change);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changes;
    }
}
