package io.linea.cc.crm;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The CRM settings row of the current tenant, if it has one. */
interface AllCrmSettings extends JpaRepository<CrmSettings, UUID> {
}
