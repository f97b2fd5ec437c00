package io.linea.cc.settings;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Settings rows; Hibernate's tenant filter and RLS limit every query to the current tenant. */
interface AllTenantSettings extends JpaRepository<TenantSettings, UUID> {
}
