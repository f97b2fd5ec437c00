package io.linea.cc.ticket;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Escalations that fired for the current tenant's tickets. */
interface FiredEscalations extends JpaRepository<FiredEscalation, UUID> {

    List<FiredEscalation> findByTicketIdOrderByFiredAtAscIdAsc(UUID ticketId);

    List<FiredEscalation> findByTicketIdIn(Collection<UUID> ticketIds);
}
