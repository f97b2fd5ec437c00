package io.linea.cc.queue;

import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * Queues of the current tenant (Hibernate tenant filter + RLS). No derived query methods: Spring Data
 * validates those at start-up by opening a Hibernate session, which has no tenant then and fails.
 */
interface Queues extends JpaRepository<Queue, UUID>, JpaSpecificationExecutor<Queue> {

    static Specification<Queue> usingCalendar(UUID calendarId) {
        return (root, query, cb) -> cb.equal(root.get("calendarId"), calendarId);
    }

    static Specification<Queue> named(String name) {
        return (root, query, cb) -> cb.equal(root.get("name"), name);
    }
}
