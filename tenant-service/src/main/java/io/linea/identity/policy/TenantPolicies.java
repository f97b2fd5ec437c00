package io.linea.identity.policy;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Tenant policies; Hibernate's tenant filter and row-level security limit a tenant scope to its own row. */
interface TenantPolicies extends JpaRepository<StoredPolicy, UUID> {

    /** The tenant's policy; in platform scope the explicit tenant is what selects it. */
    Optional<StoredPolicy> findByTenantId(UUID tenantId);
}
