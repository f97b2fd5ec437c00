package io.linea.identity.person;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.linea.identity.support.Page;
import io.linea.identity.support.Sql;

/**
 * SQL access to {@code identity.membership} (tenant-owned: row-level security, and every statement names
 * the tenant explicitly as well).
 */
@Component
public class MembershipStore {

    private static final String SELECT = """
            select m.tenant_id, m.person_id, m.roles, m.extra_permissions, m.enabled, t.slug, t.display_name, t.status
            from identity.membership m join identity.tenant t on t.id = m.tenant_id
            """;

    private final JdbcClient jdbc;

    public MembershipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MembershipView> find(UUID tenantId, UUID personId) {
        return jdbc.sql(SELECT + " where m.tenant_id = :tenant and m.person_id = :person")
                .param("tenant", tenantId).param("person", personId).query(PersonStore.MEMBERSHIP).optional();
    }

    /** Inserts or replaces roles and extra permissions; returns true when the membership is new. */
    public boolean upsert(UUID tenantId, UUID personId, List<String> roles, List<String> extraPermissions) {
        boolean exists = find(tenantId, personId).isPresent();
        jdbc.sql("""
                insert into identity.membership (tenant_id, person_id, roles, extra_permissions, enabled, created_at)
                values (:tenant, :person, :roles, :extra, true, :at)
                on conflict (tenant_id, person_id) do update set roles = excluded.roles,
                    extra_permissions = excluded.extra_permissions
                """).param("tenant", tenantId).param("person", personId).param("roles", Sql.array(roles))
                .param("extra", Sql.array(extraPermissions)).param("at", Sql.ts(Instant.now())).update();
        return !exists;
    }

    public void setEnabled(UUID tenantId, UUID personId, boolean enabled) {
        jdbc.sql("update identity.membership set enabled = :enabled where tenant_id = :tenant and person_id = :person")
                .param("enabled", enabled).param("tenant", tenantId).param("person", personId).update();
    }

    public boolean delete(UUID tenantId, UUID personId) {
        return jdbc.sql("delete from identity.membership where tenant_id = :tenant and person_id = :person")
                .param("tenant", tenantId).param("person", personId).update() > 0;
    }

    /** Members of the tenant with their identity, filtered by a search term over username, name and e-mail. */
    public Page<Member> members(UUID tenantId, String query, Page.Request paging) {
        String condition = " where m.tenant_id = :tenant";
        boolean search = query != null && !query.isBlank();
        if (search) {
            condition += " and (lower(p.username) like :q escape '\\' or lower(p.display_name) like :q escape '\\'"
                    + " or lower(coalesce(p.email, '')) like :q escape '\\')";
        }
        String from = " from identity.membership m join identity.person p on p.id = m.person_id";
        var count = jdbc.sql("select count(*)" + from + condition).param("tenant", tenantId);
        var list = jdbc.sql("select p.*, m.roles, m.extra_permissions, m.enabled as membership_enabled" + from
                + condition + " order by p.username limit :limit offset :offset").param("tenant", tenantId);
        if (search) {
            count = count.param("q", Sql.likePattern(query.trim()));
            list = list.param("q", Sql.likePattern(query.trim()));
        }
        long total = count.query(Long.class).single();
        List<Member> items = list.param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, n) -> new Member(PersonStore.MAPPER.mapRow(rs, n), Sql.strings(rs, "roles"),
                        Sql.strings(rs, "extra_permissions"), rs.getBoolean("membership_enabled")))
                .list();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    public Optional<Member> member(UUID tenantId, UUID personId) {
        return jdbc.sql("""
                select p.*, m.roles, m.extra_permissions, m.enabled as membership_enabled
                from identity.membership m join identity.person p on p.id = m.person_id
                where m.tenant_id = :tenant and m.person_id = :person
                """).param("tenant", tenantId).param("person", personId)
                .query((rs, n) -> new Member(PersonStore.MAPPER.mapRow(rs, n), Sql.strings(rs, "roles"),
                        Sql.strings(rs, "extra_permissions"), rs.getBoolean("membership_enabled")))
                .optional();
    }

    /** How many tenants other than {@code tenantId} the person belongs to (platform scope needed). */
    public long otherTenantCount(UUID personId, UUID tenantId) {
        return jdbc.sql("select count(*) from identity.membership where person_id = :person and tenant_id <> :tenant")
                .param("person", personId).param("tenant", tenantId).query(Long.class).single();
    }

    /** A person as a member of one tenant. */
    public record Member(Person person, List<String> roles, List<String> extraPermissions, boolean enabled) {
    }
}
