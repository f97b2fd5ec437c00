package io.linea.cc.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.linea.platform.tenancy.TenantContext;

/**
 * Writes interactions and their events. Calls are driven from ARI events that must not wait on
 * the database, so writes go through one writer thread in the order they were made: the events of
 * one interaction are never reordered, and a slow database delays the record, not the call.
 */
@Component
class InteractionRecorder implements CallRecorder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InteractionRecorder.class);

    private final Interactions interactions;
    private final InteractionEvents events;
    private final TransactionTemplate tx;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "interaction-writer");
        thread.setDaemon(true);
        return thread;
    });

    private final JdbcClient jdbc;

    InteractionRecorder(Interactions interactions, InteractionEvents events, PlatformTransactionManager transactions,
            JdbcClient jdbc) {
        this.interactions = interactions;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    @Override
    public void operational(String kind, String node, String detail) {
        log.warn("Operational event {} on {}: {}", kind, node, detail);
        writer.execute(() -> {
            try {
                TenantContext.runAsPlatform(() -> tx.executeWithoutResult(status -> jdbc.sql(
                        "insert into operational_event (id, at, kind, node, detail) values (?, ?, ?, ?, ?)")
                        .params(UUID.randomUUID(), java.sql.Timestamp.from(Instant.now()), kind, node,
                                detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                        .update()));
            } catch (RuntimeException e) {
                log.error("Could not record an operational event: {}", e.toString());
            }
        });
    }

    @Override
    public void opened(UUID tenantId, Interaction interaction, InteractionEvent.Type type, String detail) {
        UUID id = interaction.id();
        Instant at = interaction.view().startedAt();
        write(tenantId, () -> {
            interactions.save(interaction);
            events.save(new InteractionEvent(id, type, at, null, null, detail));
        });
    }

    @Override
    public void event(UUID tenantId, UUID interactionId, InteractionEvent.Type type, Instant at, UUID agentId,
            String agentName, String detail) {
        write(tenantId, () -> events.save(new InteractionEvent(interactionId, type, at, agentId, agentName, detail)));
    }

    @Override
    public void ringing(UUID tenantId, UUID interactionId, Instant at, UUID agentId, String agentName, String detail) {
        change(tenantId, interactionId, i -> i.ringing(agentId, agentName));
        event(tenantId, interactionId, InteractionEvent.Type.RINGING, at, agentId, agentName, detail);
    }

    @Override
    public void answered(UUID tenantId, UUID interactionId, Instant at, UUID agentId, String agentName, Duration ring) {
        change(tenantId, interactionId, i -> i.answered(agentId, agentName, at, ring));
        event(tenantId, interactionId, InteractionEvent.Type.ANSWERED, at, agentId, agentName, null);
    }

    @Override
    public void transferred(UUID tenantId, UUID interactionId, Instant at, UUID agentId, String agentName,
            String detail) {
        change(tenantId, interactionId, i -> i.transferredTo(agentId, agentName));
        event(tenantId, interactionId, InteractionEvent.Type.TRANSFERRED, at, agentId, agentName, detail);
    }

    @Override
    public void ended(UUID tenantId, UUID interactionId, Interaction.State state, Instant at, String reason,
            Interaction.Stage stage) {
        change(tenantId, interactionId, i -> i.ended(state, at, reason, stage));
        InteractionEvent.Type type = switch (state) {
            case ABANDONED -> InteractionEvent.Type.ABANDONED;
            case FAILED, REJECTED -> InteractionEvent.Type.FAILED;
            default -> InteractionEvent.Type.ENDED;
        };
        event(tenantId, interactionId, type, at, null, null,
                stage == null ? reason : reason + " (" + stage.name().toLowerCase() + ")");
    }

    /**
     * Closes the interactions a previous run left open: their calls were lost with that process
     * (the routing engine will recover waiting callers; this first call path does not).
     */
    int closeInterrupted(String reason) {
        return TenantContext.callAsPlatform(() -> tx.execute(status -> {
            int closed = 0;
            // calls the router held are taken back by the call engine when their node connects
            java.util.Set<UUID> routed = new java.util.HashSet<>(jdbc.sql(
                    "select interaction_id from cc.routing_task where medium = 'VOICE'").query(UUID.class).list());
            for (Interaction open : interactions.findByStateIn(
                    EnumSet.of(Interaction.State.OFFERED, Interaction.State.RINGING, Interaction.State.ANSWERED))) {
                if (routed.contains(open.view().id())) {
                    continue;
                }
                open.ended(Interaction.State.FAILED, Instant.now(), reason, null);
                closed++;
            }
            return closed;
        }));
    }

    private void change(UUID tenantId, UUID interactionId, Consumer<Interaction> change) {
        write(tenantId, () -> interactions.findById(interactionId).ifPresent(change));
    }

    private void write(UUID tenantId, Runnable work) {
        writer.execute(() -> {
            try {
                TenantContext.runAs(tenantId, () -> tx.executeWithoutResult(status -> work.run()));
            } catch (RuntimeException e) {
                log.error("Could not record an interaction step: {}", e.toString());
            }
        });
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
