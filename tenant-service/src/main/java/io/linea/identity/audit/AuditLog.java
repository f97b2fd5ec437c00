package io.linea.identity.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import io.linea.identity.support.Page;
import io.linea.identity.support.RequestInfo;
import io.linea.identity.support.Sql;
import io.linea.platform.tenancy.TenantContext;

/**
 * The audit log (SEC-03): append-only entries per tenant ({@code audit_event}, the {@link AuditEvent}
 * entity) and for the platform ({@code platform_audit_event}, SQL: a platform-level table). Writes join the
 * caller's transaction, so an audited change and its entry commit together. There is deliberately no update or delete here: the database role cannot do
 * either, and only the owner-defined retention function removes old entries.
 */
@Component
public class AuditLog {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final AuditEvents events;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditLog(AuditEvents events, JdbcClient jdbc, ObjectMapper json) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An entry of one tenant; the transaction's scope must be that tenant or the platform. */
    public void tenant(UUID tenantId, String type, String outcome, Actor actor, Map<String, ?> details) {
        tenant(tenantId, type, outcome, actor, details, RequestInfo.current());
    }

    public void tenant(UUID tenantId, String type, String outcome, Actor actor, Map<String, ?> details,
            RequestInfo request) {
        events.save(new AuditEvent(tenantId, Instant.now(), type, outcome, actor.id(),
                RequestInfo.truncate(actor.name(), 200), request.sourceIp(), request.userAgent(), write(details)));
    }

    /** A platform-level entry (no tenant, or a platform admin's action that concerns {@code tenantId}). */
    public void platform(String type, String outcome, Actor actor, UUID tenantId, Map<String, ?> details) {
        platform(type, outcome, actor, tenantId, details, RequestInfo.current());
    }

    public void platform(String type, String outcome, Actor actor, UUID tenantId, Map<String, ?> details,
            RequestInfo request) {
        jdbc.sql("""
                insert into identity.platform_audit_event (occurred_at, type, outcome, actor_id, actor_name, tenant_id,
                    source_ip, user_agent, details)
                values (:at, :type, :outcome, :actorId, :actorName, :tenant, :ip, :ua, cast(:details as jsonb))
                """)
                .param("at", Sql.ts(Instant.now())).param("type", type).param("outcome", outcome)
                .param("actorId", actor.id()).param("actorName", RequestInfo.truncate(actor.name(), 200))
                .param("tenant", tenantId).param("ip", request.sourceIp()).param("ua", request.userAgent())
                .param("details", write(details)).update();
    }

    /** Filters of an audit search; any may be null. */
    public record Filter(Instant from, Instant to, String type, String actor) {
    }

    /** Entries of the tenant in scope (Hibernate's tenant filter, row-level security and an explicit tenant filter). */
    public Page<AuditEntry> tenantEntries(UUID tenantId, Filter filter, Page.Request paging) {
        Specification<AuditEvent> spec = (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            predicates.add(cb.equal(root.get("tenantId"), tenantId));
            if (filter.from() != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), filter.from()));
            }
            if (filter.to() != null) {
                predicates.add(cb.lessThan(root.get("occurredAt"), filter.to()));
            }
            if (filter.type() != null && !filter.type().isBlank()) {
                predicates.add(cb.equal(root.get("type"), filter.type().trim()));
            }
            if (filter.actor() != null && !filter.actor().isBlank()) {
                String actor = filter.actor().trim().toLowerCase(java.util.Locale.ROOT);
                Predicate byName = cb.equal(cb.lower(root.get("actorName")), actor);
                UUID actorId = actorId(actor);
                predicates.add(actorId == null ? byName : cb.or(byName, cb.equal(root.get("actorId"), actorId)));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
        org.springframework.data.domain.Page<AuditEvent> page = events.findAll(spec, PageRequest.of(paging.page(),
                paging.size(), Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.asc("id"))));
        List<AuditEntry> items = page.getContent().stream().map(e -> new AuditEntry(e.id(), e.occurredAt(), e.type(),
                e.outcome(), e.actorId(), e.actorName(), e.tenantId(), e.sourceIp(), e.userAgent(), read(e.details())))
                .toList();
        return new Page<>(items, paging.page(), paging.size(), page.getTotalElements());
    }

    /** The id an actor filter names, when it is the canonical text of a UUID (as {@code cast(actor_id as text)}). */
    private static UUID actorId(String actor) {
        try {
            UUID id = UUID.fromString(actor);
            return id.toString().equals(actor) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Platform view: one tenant's entries, or everything (tenant and platform entries). */
    public Page<AuditEntry> platformEntries(UUID tenantId, Filter filter, Page.Request paging) {
        // A union of the tenant entries and the platform table (which has no entity): SQL, and only in
        // platform scope, where Hibernate would apply no tenant filter either.
        if (!TenantContext.isPlatformScope()) {
            throw new IllegalStateException("The platform audit view needs platform scope");
        }
        Where where = where(filter);
        if (tenantId != null) {
            where.clauses.add("tenant_id = :tenant");
            where.params.put("tenant", tenantId);
        }
        String source = """
                (select id, tenant_id, occurred_at, type, outcome, actor_id, actor_name, source_ip, user_agent, details
                   from identity.audit_event
                 union all
                 select id, tenant_id, occurred_at, type, outcome, actor_id, actor_name, source_ip, user_agent, details
                   from identity.platform_audit_event) entries""";
        return query(source, "tenant_id", where, paging);
    }

    private Page<AuditEntry> query(String source, String tenantColumn, Where where, Page.Request paging) {
        String condition = where.clauses.isEmpty() ? "" : " where " + String.join(" and ", where.clauses);
        long total = jdbc.sql("select count(*) from " + source + condition).params(where.params)
                .query(Long.class).single();
        List<AuditEntry> items = jdbc.sql("select id, " + tenantColumn + " as tenant_id, occurred_at, type, outcome,"
                + " actor_id, actor_name, source_ip, user_agent, details::text as details from " + source + condition
                + " order by occurred_at desc, id limit :limit offset :offset")
                .params(where.params).param("limit", paging.size()).param("offset", paging.offset())
                .query(mapper()).list();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    private RowMapper<AuditEntry> mapper() {
        return (rs, n) -> new AuditEntry(Sql.uuid(rs, "id"), Sql.instant(rs, "occurred_at"), rs.getString("type"),
                rs.getString("outcome"), Sql.uuid(rs, "actor_id"), rs.getString("actor_name"), Sql.uuid(rs, "tenant_id"),
                rs.getString("source_ip"), rs.getString("user_agent"), read(rs.getString("details")));
    }

    private static Where where(Filter filter) {
        Where where = new Where();
        if (filter.from() != null) {
            where.clauses.add("occurred_at >= :from");
            where.params.put("from", Sql.ts(filter.from()));
        }
        if (filter.to() != null) {
            where.clauses.add("occurred_at < :to");
            where.params.put("to", Sql.ts(filter.to()));
        }
        if (filter.type() != null && !filter.type().isBlank()) {
            where.clauses.add("type = :type");
            where.params.put("type", filter.type().trim());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.clauses.add("(lower(actor_name) = :actor or cast(actor_id as text) = :actor)");
            where.params.put("actor", filter.actor().trim().toLowerCase(java.util.Locale.ROOT));
        }
        return where;
    }

    private static final class Where {
        final List<String> clauses = new ArrayList<>();
        final Map<String, Object> params = new LinkedHashMap<>();
    }

    private String write(Map<String, ?> details) {
        return json.writeValueAsString(details == null ? Map.of() : details);
    }

    private Map<String, Object> read(String details) {
        if (details == null || details.isBlank()) {
            return Map.of();
        }
        return json.readValue(details, MAP);
    }
}
