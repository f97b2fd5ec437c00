package io.linea.identity.tenant;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.linea.identity.audit.Actor;
import io.linea.identity.audit.AuditLog;
import io.linea.identity.policy.PolicyStore;
import io.linea.identity.policy.TenantPolicy;
import io.linea.identity.support.Languages;
import io.linea.identity.support.Tx;
import io.linea.platform.problem.LineaProblemException;

/** Creating, suspending and reactivating tenants (TEN-05); each change is audited for the tenant and the platform. */
@Service
public class TenantService {

    /** Host names a tenant may not take: they are or may become platform addresses. */
    static final Set<String> RESERVED = Set.of("www", "api", "app", "auth", "login", "admin", "platform", "identity",
            "gateway", "static", "assets", "mail", "status", "internal", "linea");

    private final TenantStore tenants;
    private final PolicyStore policies;
    private final AuditLog audit;
    private final Tx tx;

    public TenantService(TenantStore tenants, PolicyStore policies, AuditLog audit, Tx tx) {
        this.tenants = tenants;
        this.policies = policies;
        this.audit = audit;
        this.tx = tx;
    }

    public Tenant create(UUID id, String slug, String displayName, String defaultLanguage, String timeZone,
            TenantPolicy policy) {
        String normalisedSlug = slug.trim().toLowerCase(java.util.Locale.ROOT);
        if (RESERVED.contains(normalisedSlug)) {
            throw field("slug", "tenant.slug-reserved", normalisedSlug);
        }
        String language = defaultLanguage == null || defaultLanguage.isBlank() ? "en" : defaultLanguage;
        if (!Languages.isSupported(language)) {
            throw field("defaultLanguage", "locale.unsupported", language);
        }
        String zone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw field("timeZone", "tenant.timezone-invalid", zone);
        }
        return tx.platform(() -> {
            if (tenants.slugTaken(normalisedSlug)) {
                throw LineaProblemException.conflict("tenant.slug-taken");
            }
            Tenant tenant = new Tenant(id, normalisedSlug, displayName.trim(), language, zone, Tenant.Status.ACTIVE,
                    null, Instant.now());
            tenants.insert(tenant);
            policies.save(policy == null ? TenantPolicy.defaults(id) : policy);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("slug", tenant.slug());
            details.put("displayName", tenant.displayName());
            audit.tenant(id, "tenant.created", AuditLog.SUCCESS, Actor.current(), details);
            audit.platform("tenant.created", AuditLog.SUCCESS, Actor.current(), id, details);
            return tenants.find(id).orElseThrow();
        });
    }

    public Tenant suspend(UUID id, String reason) {
        return setStatus(id, Tenant.Status.SUSPENDED, reason == null || reason.isBlank() ? null : reason.trim(),
                "tenant.suspended");
    }

    public Tenant reactivate(UUID id) {
        return setStatus(id, Tenant.Status.ACTIVE, null, "tenant.reactivated");
    }

    private Tenant setStatus(UUID id, Tenant.Status status, String reason, String event) {
        return tx.platform(() -> {
            Tenant tenant = tenants.find(id).orElseThrow(() -> LineaProblemException.notFound("tenant"));
            tenants.setStatus(id, status, reason);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("slug", tenant.slug());
            details.put("previousStatus", tenant.status().name());
            if (reason != null) {
                details.put("reason", reason);
            }
            audit.tenant(id, event, AuditLog.SUCCESS, Actor.current(), details);
            audit.platform(event, AuditLog.SUCCESS, Actor.current(), id, details);
            return tenants.find(id).orElseThrow();
        });
    }

    public List<Tenant> all() {
        return tx.platform(tenants::all);
    }

    public Tenant get(UUID id) {
        return tx.platform(() -> tenants.find(id)).orElseThrow(() -> LineaProblemException.notFound("tenant"));
    }

    private static LineaProblemException field(String field, String code, Object arg) {
        return new LineaProblemException(HttpStatus.BAD_REQUEST, "validation.failed",
                List.of(new LineaProblemException.FieldProblem(field, code, arg)));
    }
}
