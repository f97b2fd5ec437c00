package io.linea.cc.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.linea.platform.tenancy.TenantContext;

/**
 * Fires due escalation rules of every tenant (HD-01), every {@code linea.tickets.escalation-period}. Safe with
 * several cc-core instances: each ticket is worked on under a row lock taken with SKIP LOCKED, and each
 * (ticket, rule) is claimed by a unique row, so a rule fires exactly once per ticket. Webhooks are called and
 * e-mails sent after the claim has committed; a crash in between leaves the escalation recorded with its
 * webhook or e-mail PENDING, never sent twice.
 */
@Component
public class EscalationJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

    /** Tickets handled per run; the rest wait for the next run. */
    private static final int BATCH = 200;

    private final TicketManagement tickets;
    private final TicketSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    EscalationJob(TicketManagement tickets, TicketSettings settings, JdbcClient jdbc,
            PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
        this.tickets = tickets;
        this.settings = settings;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    private record Due(UUID tenantId, UUID ticketId) {
    }

    /** Fires every rule due at {@code now}; returns how many fired in this call. */
    public int run(Instant at) {
        Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<Due> due = TenantContext.callAsPlatform(() -> tx.execute(status -> jdbc.sql("""
                select tenant_id, id from cc.ticket where next_escalation_at <= :now
                order by next_escalation_at limit :batch""").param("now", java.sql.Timestamp.from(now))
                .param("batch", BATCH)
                .query((row, i) -> new Due(row.getObject(1, UUID.class), row.getObject(2, UUID.class))).list()));
        int fired = 0;
        for (Due ticket : due) {
            try {
                TicketManagement.Fired result = TenantContext.callAs(ticket.tenantId(),
                        () -> tickets.fireDue(ticket.ticketId(), now));
                fired += result.count();
                for (TicketManagement.WebhookCall call : result.calls()) {
                    TenantContext.runAs(ticket.tenantId(), () -> tickets.deliver(call));
                }
                for (EscalationMail.Message mail : result.mails()) {
                    TenantContext.runAs(ticket.tenantId(), () -> tickets.deliver(mail));
                }
            } catch (RuntimeException e) {
                log.warn("Escalation of ticket {} failed: {}", ticket.ticketId(), e.toString());
            }
        }
        return fired;
    }

    @Override
    public void start() {
        if (settings.escalationPeriod().isZero() || settings.escalationPeriod().isNegative()) {
            log.info("Ticket escalation schedule off");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ticket-escalation");
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.escalationPeriod().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                run(clock.instant());
            } catch (RuntimeException e) {
                log.warn("Ticket escalation run failed: {}", e.toString());
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
