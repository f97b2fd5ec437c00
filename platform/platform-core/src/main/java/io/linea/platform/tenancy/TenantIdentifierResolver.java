package io.linea.platform.tenancy;

import java.util.UUID;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate's {@code @TenantId} filter the current tenant. Platform scope is Hibernate's
 * "root" tenant (no filter; inserts keep the tenant id the code assigned). Without a scope it throws.
 */
public class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID> {

    /** Marker for platform scope; never a real tenant id. */
    public static final UUID ROOT = new UUID(0L, 0L);

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        if (TenantContext.isPlatformScope()) {
            return ROOT;
        }
        return TenantContext.requireTenant();
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
