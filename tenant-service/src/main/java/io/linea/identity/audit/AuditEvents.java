package io.linea.identity.audit;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.repository.Repository;

/**
 * Tenant audit entries: append and read only. Deliberately a plain {@link Repository} exposing no update
 * or delete method (the application role has neither grant; only the owner's retention function deletes).
 * In a tenant scope Hibernate's tenant filter and row-level security limit reads to that tenant.
 */
interface AuditEvents extends Repository<AuditEvent, UUID> {

    AuditEvent save(AuditEvent event);

    Page<AuditEvent> findAll(Specification<AuditEvent> specification, Pageable pageable);
}
