package io.linea.identity.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.linea.identity.support.IdentitySettings;
import io.linea.identity.support.Tx;

/**
 * Daily audit retention (SEC-03): calls the owner-defined {@code identity.purge_audit} function, which
 * keeps each tenant's entries for its {@code audit_retention_days} (never fewer than 183) and platform
 * entries for {@code linea.identity.platform-audit-retention-days} (never fewer than 183).
 */
@Component
public class AuditRetentionJob {

    public static final int MINIMUM_DAYS = 183;

    private static final Logger log = LoggerFactory.getLogger(AuditRetentionJob.class);

    private final JdbcClient jdbc;
    private final Tx tx;
    private final IdentitySettings settings;

    public AuditRetentionJob(JdbcClient jdbc, Tx tx, IdentitySettings settings) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
    }

    @Scheduled(cron = "${linea.identity.audit-retention-cron:0 17 3 * * *}")
    public void scheduled() {
        purge();
    }

    /** Removes entries past retention; returns how many. */
    public long purge() {
        int platformDays = Math.max(MINIMUM_DAYS, settings.platformAuditRetentionDays());
        Long removed = tx.platform(() -> jdbc.sql("select identity.purge_audit(:days)").param("days", platformDays)
                .query(Long.class).single());
        log.info("Audit retention removed {} entries", removed);
        return removed == null ? 0 : removed;
    }
}
