package io.linea.identity.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.linea.identity.support.Sql;

/** SQL access to {@code identity.tenant_policy} (tenant-owned, row-level security). */
@Component
public class PolicyStore {

    static final RowMapper<TenantPolicy> MAPPER = (rs, n) -> new TenantPolicy(Sql.uuid(rs, "tenant_id"),
            rs.getInt("min_length"), rs.getBoolean("require_upper"), rs.getBoolean("require_lower"),
            rs.getBoolean("require_digit"), rs.getBoolean("require_symbol"), rs.getInt("history_size"),
            Sql.nullableInt(rs, "max_age_days"), rs.getInt("lockout_threshold"), rs.getInt("lockout_minutes"),
            MfaMode.valueOf(rs.getString("mfa_mode")), Sql.strings(rs, "trusted_networks"),
            rs.getInt("audit_retention_days"));

    private final JdbcClient jdbc;

    public PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TenantPolicy> find(UUID tenantId) {
        return jdbc.sql("select * from identity.tenant_policy where tenant_id = :tenant").param("tenant", tenantId)
                .query(MAPPER).optional();
    }

    /** The tenant's policy, or the defaults when none was stored yet. */
    public TenantPolicy get(UUID tenantId) {
        return find(tenantId).orElseGet(() -> TenantPolicy.defaults(tenantId));
    }

    public void save(TenantPolicy p) {
        jdbc.sql("""
                insert into identity.tenant_policy (tenant_id, min_length, require_upper, require_lower, require_digit,
                    require_symbol, history_size, max_age_days, lockout_threshold, lockout_minutes, mfa_mode,
                    trusted_networks, audit_retention_days, updated_at)
                values (:tenant, :minLength, :upper, :lower, :digit, :symbol, :history, :maxAge, :threshold, :minutes,
                    :mfa, :networks, :retention, :at)
                on conflict (tenant_id) do update set min_length = excluded.min_length,
                    require_upper = excluded.require_upper, require_lower = excluded.require_lower,
                    require_digit = excluded.require_digit, require_symbol = excluded.require_symbol,
                    history_size = excluded.history_size, max_age_days = excluded.max_age_days,
                    lockout_threshold = excluded.lockout_threshold, lockout_minutes = excluded.lockout_minutes,
                    mfa_mode = excluded.mfa_mode, trusted_networks = excluded.trusted_networks,
                    audit_retention_days = excluded.audit_retention_days, updated_at = excluded.updated_at
                """).param("tenant", p.tenantId()).param("minLength", p.minLength()).param("upper", p.requireUpper())
                .param("lower", p.requireLower()).param("digit", p.requireDigit()).param("symbol", p.requireSymbol())
                .param("history", p.historySize()).param("maxAge", p.maxAgeDays(), java.sql.Types.INTEGER)
                .param("threshold", p.lockoutThreshold()).param("minutes", p.lockoutMinutes())
                .param("mfa", p.mfaMode().name()).param("networks", Sql.array(p.trustedNetworks()))
                .param("retention", p.auditRetentionDays()).param("at", Sql.ts(Instant.now())).update();
    }
}
