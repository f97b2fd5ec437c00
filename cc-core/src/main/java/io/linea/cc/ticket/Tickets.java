package io.linea.cc.ticket;

import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * The current tenant's tickets (Hibernate tenant filter + RLS). The list and search are SQL in
 * {@link TicketManagement} and {@link TicketSearch}: full-text ranking is PostgreSQL's, not JPA's.
 */
interface Tickets extends JpaRepository<Ticket, UUID>, JpaSpecificationExecutor<Ticket> {

    static Specification<Ticket> status(TicketStatus status) {
        return (root, query, cb) -> cb.equal(root.get("status"), status);
    }
}
