package io.linea.cc.crm;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The current tenant's custom field definitions. */
interface ClientFields extends JpaRepository<ClientField, UUID> {
}
