package io.linea.cc.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket as the API shows it (HD-01, HD-02). {@code agreedResolutionDue} is a resolution date agreed with the
 * customer (the draft's {@code resolutionDue}), null when the SLA policy's due time applies; a full replace
 * sends it back to keep it.
 */
public record TicketView(UUID id, long number, String subject, String description, TicketStatus status,
        TicketPriority priority, UUID assigneeId, String group, UUID clientId, List<UUID> interactionIds,
        Instant createdAt, Instant updatedAt, Instant firstResponseAt, Instant resolvedAt, Instant agreedResolutionDue,
        Sla sla, List<Escalation> escalations, Handoff handoff, long version) {

    /**
     * The SLA timers: due times in the business time of the ticket calendar; a breach is a target met late or
     * not met by now. {@code pausedSince}: the resolution timer stands still since then.
     */
    public record Sla(Instant firstResponseDue, Instant resolutionDue, boolean firstResponseBreached,
            boolean resolutionBreached, Instant pausedSince) {
    }

    /** An escalation rule that fired for this ticket, with what it did; {@code webhook}, {@code email} if any. */
    public record Escalation(UUID ruleId, String ruleName, Instant firedAt, TicketPriority raisedPriorityTo,
            Webhook webhook, Email email) {
    }

    public record Webhook(String status, int attempts, String lastError) {
    }

    /** The e-mail of a fired rule: PENDING, SENT, FAILED, or SKIPPED when no mail server is configured. */
    public record Email(List<String> to, String status, int attempts, String lastError) {
    }

    /** The last hand-off to the tenant's records system (HD-02); null when never handed off. */
    public record Handoff(String status, int attempts, String lastError, String externalReference) {
    }
}
