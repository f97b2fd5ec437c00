package io.linea.cc.crm;

import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The current tenant's client notes (no derived queries: they would open a session without a tenant at start-up). */
interface ClientNotes extends JpaRepository<ClientNote, UUID>, JpaSpecificationExecutor<ClientNote> {

    static Specification<ClientNote> ofClient(UUID clientId) {
        return (root, query, cb) -> cb.equal(root.get("clientId"), clientId);
    }
}
