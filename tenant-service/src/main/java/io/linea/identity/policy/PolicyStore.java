package io.linea.identity.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Access to {@code identity.tenant_policy} through the {@link StoredPolicy} entity (tenant-owned:
 * Hibernate's {@code @TenantId} filter and row-level security).
 */
@Component
public class PolicyStore {

    private final TenantPolicies policies;

    PolicyStore(TenantPolicies policies) {
        this.policies = policies;
    }

    public Optional<TenantPolicy> find(UUID tenantId) {
        return policies.findByTenantId(tenantId).map(StoredPolicy::view);
    }

    /** The tenant's policy, or the defaults when none was stored yet. */
    public TenantPolicy get(UUID tenantId) {
        return find(tenantId).orElseGet(() -> TenantPolicy.defaults(tenantId));
    }

    /** Inserts or replaces the tenant's policy (flushed at once, so constraint violations surface here). */
    public void save(TenantPolicy p) {
        StoredPolicy stored = policies.findByTenantId(p.tenantId()).orElseGet(() -> new StoredPolicy(p.tenantId()));
        stored.change(p, Instant.now());
        policies.saveAndFlush(stored);
    }
}
