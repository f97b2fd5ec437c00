package io.linea.cc.ticket;

import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The current tenant's tickets (Hibernate tenant filter + RLS). */
interface Tickets extends JpaRepository<Ticket, UUID>, JpaSpecificationExecutor<Ticket> {

    static Specification<Ticket> status(TicketStatus status) {
        return (root, query, cb) -> cb.equal(root.get("status"), status);
    }

    static Specification<Ticket> priority(TicketPriority priority) {
        return (root, query, cb) -> cb.equal(root.get("priority"), priority);
    }

    static Specification<Ticket> assignee(UUID agentId) {
        return (root, query, cb) -> cb.equal(root.get("assigneeId"), agentId);
    }

    static Specification<Ticket> group(String group) {
        return (root, query, cb) -> cb.equal(root.get("groupName"), group);
    }

    static Specification<Ticket> client(UUID clientId) {
        return (root, query, cb) -> cb.equal(root.get("clientId"), clientId);
    }

    /** Words in the subject or description, or the ticket number ("1042" or "#1042"). */
    static Specification<Ticket> text(String q) {
        String digits = q.startsWith("#") ? q.substring(1) : q;
        String like = "%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return (root, query, cb) -> {
            var match = cb.or(cb.like(cb.lower(root.get("subject")), like, '\\'),
                    cb.like(cb.lower(root.get("description")), like, '\\'));
            return digits.matches("[0-9]{1,18}") ? cb.or(match, cb.equal(root.get("number"), Long.parseLong(digits)))
                    : match;
        };
    }
}
