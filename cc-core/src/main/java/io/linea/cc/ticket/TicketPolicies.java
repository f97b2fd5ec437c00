package io.linea.cc.ticket;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The help-desk configuration row of the current tenant (keyed by the tenant id). */
interface TicketPolicies extends JpaRepository<TicketPolicy, UUID> {
}
