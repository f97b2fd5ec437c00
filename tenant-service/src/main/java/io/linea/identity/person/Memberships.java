package io.linea.identity.person;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Memberships. In a tenant scope Hibernate's tenant filter (and row-level security) limit every query to
 * that tenant; in platform scope (login, platform administration) they see every tenant, so methods that
 * concern one tenant name it explicitly as well.
 */
interface Memberships extends JpaRepository<Membership, UUID> {

    Optional<Membership> findByTenantIdAndPersonId(UUID tenantId, UUID personId);

    List<Membership> findByPersonId(UUID personId);

    long countByPersonIdAndTenantIdNot(UUID personId, UUID tenantId);

    /**
     * Members of the tenant ordered by username; {@code pattern} (lower case, {@code !} escapes LIKE
     * wildcards) matches username, name or e-mail, {@code null} matches everyone.
     */
    @Query(value = """
            select m from Membership m join PersonName p on p.id = m.personId
            where m.tenantId = :tenant and (:pattern is null or lower(p.username) like :pattern escape '!'
                or lower(p.displayName) like :pattern escape '!' or lower(coalesce(p.email, '')) like :pattern escape '!')
            order by p.username, p.id
            """, countQuery = """
            select count(m) from Membership m join PersonName p on p.id = m.personId
            where m.tenantId = :tenant and (:pattern is null or lower(p.username) like :pattern escape '!'
                or lower(p.displayName) like :pattern escape '!' or lower(coalesce(p.email, '')) like :pattern escape '!')
            """)
    Page<Membership> search(@Param("tenant") UUID tenantId, @Param("pattern") String pattern, Pageable pageable);
}
