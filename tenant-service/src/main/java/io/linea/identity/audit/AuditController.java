package io.linea.identity.audit;

import java.time.Instant;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linea.identity.support.Page;
import io.linea.identity.support.Tx;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.PlatformAdminOnly;
import io.linea.platform.security.RequiresPermission;
import io.linea.platform.tenancy.TenantContext;

/**
 * Reading the audit log (SEC-03). There is intentionally no write, update or delete endpoint: entries
 * are written by the actions they describe and removed only by the retention job.
 */
@RestController
public class AuditController {

    private final AuditLog audit;
    private final Tx tx;

    public AuditController(AuditLog audit, Tx tx) {
        this.audit = audit;
        this.tx = tx;
    }

    /** The tenant admin's view: their own tenant only. */
    @GetMapping("/api/identity/audit")
    @RequiresPermission(Permissions.AUDIT_VIEW)
    public Page<AuditEntry> tenantAudit(@RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) String type,
            @RequestParam(required = false) String actor, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        UUID tenant = TenantContext.requireTenant();
        Page.Request paging = Page.Request.of(page, size);
        return tx.currentTenant(() -> audit.tenantEntries(tenant, new AuditLog.Filter(from, to, type, actor), paging));
    }

    /** The platform admin's view: one tenant, or every tenant and platform entry. */
    @GetMapping("/api/identity/platform/audit")
    @PlatformAdminOnly
    public Page<AuditEntry> platformAudit(@RequestParam(required = false) UUID tenantId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String type, @RequestParam(required = false) String actor,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Page.Request paging = Page.Request.of(page, size);
        return tx.platform(() -> audit.platformEntries(tenantId, new AuditLog.Filter(from, to, type, actor), paging));
    }
}
