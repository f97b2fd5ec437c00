package io.linea.cc.ticket;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Comments on the current tenant's tickets. */
interface TicketComments extends JpaRepository<TicketComment, UUID> {

    List<TicketComment> findByTicketIdOrderByCreatedAtAscIdAsc(UUID ticketId);
}
