package io.linea.cc.provisioning;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Numbers assigned to the current tenant (Hibernate tenant filter + RLS). */
interface TenantNumbers extends JpaRepository<TenantNumber, UUID> {
}
