package io.linea.identity.tenant;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.linea.identity.support.Sql;

/** SQL access to {@code identity.tenant} (a platform-level table). */
@Component
public class TenantStore {

    private static final RowMapper<Tenant> MAPPER = (rs, n) -> new Tenant(Sql.uuid(rs, "id"), rs.getString("slug"),
            rs.getString("display_name"), rs.getString("default_language"), rs.getString("time_zone"),
            Tenant.Status.valueOf(rs.getString("status")), rs.getString("suspended_reason"),
            Sql.instant(rs, "created_at"));

    private final JdbcClient jdbc;

    public TenantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Tenant> find(UUID id) {
        return jdbc.sql("select * from identity.tenant where id = :id").param("id", id).query(MAPPER).optional();
    }

    /** The tenants with these ids (in no particular order; unknown ids are skipped). */
    public List<Tenant> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from identity.tenant where id in (:ids)").param("ids", List.copyOf(ids))
                .query(MAPPER).list();
    }

    public Optional<Tenant> findBySlug(String slug) {
        return jdbc.sql("select * from identity.tenant where slug = :slug").param("slug", slug).query(MAPPER)
                .optional();
    }

    public List<Tenant> all() {
        return jdbc.sql("select * from identity.tenant order by display_name, slug").query(MAPPER).list();
    }

    public boolean slugTaken(String slug) {
        return jdbc.sql("select count(*) from identity.tenant where slug = :slug").param("slug", slug)
                .query(Long.class).single() > 0;
    }

    public boolean insert(Tenant tenant) {
        return jdbc.sql("""
                insert into identity.tenant (id, slug, display_name, default_language, time_zone, status, created_at)
                values (:id, :slug, :name, :lang, :tz, :status, :at)
                on conflict do nothing
                """).param("id", tenant.id()).param("slug", tenant.slug()).param("name", tenant.displayName())
                .param("lang", tenant.defaultLanguage()).param("tz", tenant.timeZone())
                .param("status", tenant.status().name()).param("at", Sql.ts(tenant.createdAt())).update() > 0;
    }

    public void setStatus(UUID id, Tenant.Status status, String reason) {
        jdbc.sql("""
                update identity.tenant set status = :status, suspended_reason = :reason, suspended_at = :at
                where id = :id
                """).param("status", status.name()).param("reason", reason)
                .param("at", status == Tenant.Status.SUSPENDED ? Sql.ts(Instant.now()) : null, java.sql.Types.TIMESTAMP)
                .param("id", id).update();
    }
}
