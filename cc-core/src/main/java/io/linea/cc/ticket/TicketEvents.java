package io.linea.cc.ticket;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The history of the current tenant's tickets. */
interface TicketEvents extends JpaRepository<TicketEvent, UUID> {

    List<TicketEvent> findByTicketIdOrderBySeqAsc(UUID ticketId);
}
