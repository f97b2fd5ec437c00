package io.linea.platform.tenancy;

import java.util.UUID;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate's {@code @TenantId} filter the current tenant. Platform scope is Hibernate's
 * "root" tenant (no filter; inserts keep the tenant id the code assigned). Without a scope it answers
 * {@link #NONE}, which matches no row: Hibernate asks while validating queries at start-up, where no
 * tenant exists yet. Work without a scope still fails loudly: {@link TenantAwareTransactionManager}
 * refuses to begin its transaction, and row-level security shows no rows to a connection without
 * {@code app.tenant_id}.
 */
public class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID> {

    /** Marker for platform scope; never a real tenant id. */
    public static final UUID ROOT = new UUID(0L, 0L);

    /** Answer without a scope; never a real tenant id, so the tenant filter matches nothing. */
    public static final UUID NONE = new UUID(-1L, -1L);

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        if (TenantContext.isPlatformScope()) {
            return ROOT;
        }
        return TenantContext.currentTenant().orElse(NONE);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }

    @Override
    public boolean isRoot(UUID tenantId) {
        return ROOT.equals(tenantId);
    }
}
