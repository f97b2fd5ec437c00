package io.linea.cc.crm;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The current tenant's clients; search and identification are SQL in {@link ClientDirectory}. */
interface Clients extends JpaRepository<Client, UUID> {
}
