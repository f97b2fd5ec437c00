package io.linea.cc.queue;

import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Queue memberships of the current tenant (no derived queries: see {@link Queues}). */
interface QueueMembers extends JpaRepository<QueueMember, UUID>, JpaSpecificationExecutor<QueueMember> {

    static Specification<QueueMember> ofAgent(UUID agentId) {
        return (root, query, cb) -> cb.equal(root.get("agentId"), agentId);
    }

    static Specification<QueueMember> ofQueue(UUID queueId) {
        return (root, query, cb) -> cb.equal(root.get("queueId"), queueId);
    }
}
