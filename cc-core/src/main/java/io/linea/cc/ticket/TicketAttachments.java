package io.linea.cc.ticket;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Files attached to the current tenant's tickets. */
interface TicketAttachments extends JpaRepository<TicketAttachment, UUID> {

    List<TicketAttachment> findByTicketIdOrderByUploadedAtAscIdAsc(UUID ticketId);

    Optional<TicketAttachment> findByIdAndTicketId(UUID id, UUID ticketId);
}
