package io.linea.cc.provisioning;

import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * Agents of the current tenant (Hibernate tenant filter + RLS). No derived query methods: Spring Data
 * validates those at start-up in a session without a tenant (see {@code Queues}).
 */
interface Agents extends JpaRepository<Agent, UUID>, JpaSpecificationExecutor<Agent> {

    static Specification<Agent> named(String displayName) {
        return (root, query, cb) -> cb.equal(root.get("displayName"), displayName);
    }
}
