package io.linea.identity.person;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.linea.identity.support.Page;
import io.linea.identity.support.Sql;
import io.linea.identity.tenant.Tenant;
import io.linea.identity.tenant.TenantStore;

/** SQL access to people (platform-level) and their password history; their memberships via {@link Memberships}. */
@Component
public class PersonStore {

    static final RowMapper<Person> MAPPER = (rs, n) -> new Person(Sql.uuid(rs, "id"), rs.getString("username"),
            rs.getString("display_name"), rs.getString("email"), rs.getString("locale"), rs.getString("password_hash"),
            Sql.instant(rs, "password_changed_at"), rs.getInt("failed_attempts"), Sql.instant(rs, "locked_until"),
            rs.getString("mfa_secret"), Sql.instant(rs, "mfa_enrolled_at"), rs.getString("mfa_pending_secret"),
            Sql.nullableLong(rs, "last_totp_step"), Sql.strings(rs, "platform_roles"), rs.getBoolean("enabled"),
            Sql.instant(rs, "last_login_at"), Sql.instant(rs, "created_at"));

    private final JdbcClient jdbc;
    private final Memberships memberships;
    private final TenantStore tenants;

    PersonStore(JdbcClient jdbc, Memberships memberships, TenantStore tenants) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.tenants = tenants;
    }

    public Optional<Person> find(UUID id) {
        return jdbc.sql("select * from identity.person where id = :id").param("id", id).query(MAPPER).optional();
    }

    /** The people with these ids (in no particular order; unknown ids are skipped). */
    public List<Person> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from identity.person where id in (:ids)").param("ids", List.copyOf(ids))
                .query(MAPPER).list();
    }

    /** Locks the row for the rest of the transaction (login counters, TOTP replay). */
    public Optional<Person> findForUpdate(UUID id) {
        return jdbc.sql("select * from identity.person where id = :id for update").param("id", id).query(MAPPER)
                .optional();
    }

    public Optional<Person> findByUsername(String username) {
        return jdbc.sql("select * from identity.person where username = :u").param("u", normalise(username))
                .query(MAPPER).optional();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from identity.person where username = :u").param("u", normalise(username))
                .query(Long.class).single() > 0;
    }

    public static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public void insert(UUID id, String username, String displayName, String email, String locale, String hash,
            List<String> platformRoles) {
        jdbc.sql("""
                insert into identity.person (id, username, display_name, email, locale, password_hash,
                    password_changed_at, platform_roles, created_at)
                values (:id, :username, :name, :email, :locale, :hash, :at, :roles, :at)
                """).param("id", id).param("username", normalise(username)).param("name", displayName)
                .param("email", email).param("locale", locale).param("hash", hash).param("at", Sql.ts(Instant.now()))
                .param("roles", Sql.array(platformRoles)).update();
        addHistory(id, hash);
    }

    public void updateProfile(UUID id, String displayName, String email, String locale) {
        jdbc.sql("update identity.person set display_name = :name, email = :email, locale = :locale where id = :id")
                .param("name", displayName).param("email", email).param("locale", locale).param("id", id).update();
    }

    public void updateLocale(UUID id, String locale) {
        jdbc.sql("update identity.person set locale = :locale where id = :id").param("locale", locale)
                .param("id", id).update();
    }

    public void setPlatformRoles(UUID id, List<String> roles) {
        jdbc.sql("update identity.person set platform_roles = :roles where id = :id").param("roles", Sql.array(roles))
                .param("id", id).update();
    }

    public void setPassword(UUID id, String hash, Instant changedAt) {
        jdbc.sql("update identity.person set password_hash = :hash, password_changed_at = :at where id = :id")
                .param("hash", hash).param("at", Sql.ts(changedAt)).param("id", id).update();
        addHistory(id, hash);
    }

    private void addHistory(UUID id, String hash) {
        jdbc.sql("insert into identity.password_history (person_id, hash, created_at) values (:id, :hash, :at)")
                .param("id", id).param("hash", hash).param("at", Sql.ts(Instant.now())).update();
    }

    /** The newest {@code limit} password hashes (the current one included). */
    public List<String> recentHashes(UUID id, int limit) {
        return jdbc.sql("""
                select hash from identity.password_history where person_id = :id order by created_at desc, id desc
                limit :limit
                """).param("id", id).param("limit", Math.max(limit, 1)).query(String.class).list();
    }

    /** Keeps at most {@code keep} history entries. */
    public void trimHistory(UUID id, int keep) {
        jdbc.sql("""
                delete from identity.password_history where person_id = :id and id not in (
                    select id from identity.password_history where person_id = :id
                    order by created_at desc, id desc limit :keep)
                """).param("id", id).param("keep", Math.max(keep, 1)).update();
    }

    public void recordFailure(UUID id, int failedAttempts, Instant lockedUntil) {
        jdbc.sql("update identity.person set failed_attempts = :n, locked_until = :until where id = :id")
                .param("n", failedAttempts).param("until", Sql.ts(lockedUntil)).param("id", id).update();
    }

    public void resetFailures(UUID id) {
        jdbc.sql("update identity.person set failed_attempts = 0, locked_until = null where id = :id")
                .param("id", id).update();
    }

    public void recordLogin(UUID id, Instant at) {
        jdbc.sql("update identity.person set last_login_at = :at, failed_attempts = 0, locked_until = null where id = :id")
                .param("at", Sql.ts(at)).param("id", id).update();
    }

    public void setEnabled(UUID id, boolean enabled) {
        jdbc.sql("update identity.person set enabled = :enabled where id = :id").param("enabled", enabled)
                .param("id", id).update();
    }

    public void setPendingMfaSecret(UUID id, String secret) {
        jdbc.sql("update identity.person set mfa_pending_secret = :secret where id = :id").param("secret", secret)
                .param("id", id).update();
    }

    public void enrolMfa(UUID id, String secret, long step, Instant at) {
        jdbc.sql("""
                update identity.person set mfa_secret = :secret, mfa_enrolled_at = :at, mfa_pending_secret = null,
                    last_totp_step = :step where id = :id
                """).param("secret", secret).param("at", Sql.ts(at)).param("step", step).param("id", id).update();
    }

    public void useTotpStep(UUID id, long step) {
        jdbc.sql("update identity.person set last_totp_step = :step where id = :id").param("step", step)
                .param("id", id).update();
    }

    /**
     * Every membership of the person with its tenant, ordered by tenant name (needs platform scope to see
     * all tenants; in a tenant scope the tenant filter and row-level security leave that tenant's only).
     */
    public List<MembershipView> memberships(UUID personId) {
        List<Membership> rows = memberships.findByPersonId(personId);
        Map<UUID, Tenant> byId = tenants.findAll(rows.stream().map(Membership::tenantId).toList()).stream()
                .collect(Collectors.toMap(Tenant::id, Function.identity()));
        return rows.stream().filter(m -> byId.containsKey(m.tenantId())).map(m -> m.view(byId.get(m.tenantId())))
                .sorted(Comparator.comparing(MembershipView::tenantName).thenComparing(MembershipView::slug))
                .toList();
    }

    public Page<Person> search(String query, Page.Request paging) {
        String condition = query == null || query.isBlank() ? ""
                : " where lower(username) like :q escape '\\' or lower(display_name) like :q escape '\\'"
                        + " or lower(coalesce(email, '')) like :q escape '\\'";
        var countSpec = jdbc.sql("select count(*) from identity.person" + condition);
        var listSpec = jdbc.sql("select * from identity.person" + condition
                + " order by username limit :limit offset :offset");
        if (!condition.isEmpty()) {
            countSpec = countSpec.param("q", Sql.likePattern(query.trim()));
            listSpec = listSpec.param("q", Sql.likePattern(query.trim()));
        }
        long total = countSpec.query(Long.class).single();
        List<Person> items = listSpec.param("limit", paging.size()).param("offset", paging.offset()).query(MAPPER)
                .list();
        return new Page<>(items, paging.page(), paging.size(), total);
    }
}
