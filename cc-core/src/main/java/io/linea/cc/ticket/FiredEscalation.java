package io.linea.cc.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/**
 * An escalation rule that fired for a ticket (HD-01). Rows are claimed with an insert that does nothing on
 * a (ticket, rule) conflict, so only one instance ever fires a rule for a ticket; JPA only reads and updates.
 */
@Entity
@Table(name = "ticket_escalation")
class FiredEscalation {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID ticketId;

    private UUID ruleId;

    private String ruleName;

    private Instant firedAt;

    @Enumerated(EnumType.STRING)
    private TicketPriority raisedPriorityTo;

    private String webhookUrl;

    private String webhookStatus;

    private int webhookAttempts;

    private String webhookLastError;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(254)[]")
    private String[] emailTo = new String[0];

    private String emailStatus;

    private int emailAttempts;

    private String emailLastError;

    protected FiredEscalation() {
    }

    UUID ruleId() {
        return ruleId;
    }

    UUID ticketId() {
        return ticketId;
    }

    Instant firedAt() {
        return firedAt;
    }

    String ruleName() {
        return ruleName;
    }

    void raised(TicketPriority priority) {
        this.raisedPriorityTo = priority;
    }

    void delivered(Delivery delivery) {
        this.webhookStatus = delivery.ok() ? "SENT" : "FAILED";
        this.webhookAttempts = delivery.attempts();
        this.webhookLastError = delivery.lastError();
    }

    /** The rule's addresses when it fired, and PENDING (sent after the commit) or SKIPPED (no mail server). */
    void mailPlanned(List<String> to, String status) {
        this.emailTo = to.toArray(String[]::new);
        this.emailStatus = status;
    }

    void mailed(Delivery delivery) {
        this.emailStatus = delivery.ok() ? "SENT" : "FAILED";
        this.emailAttempts = delivery.attempts();
        this.emailLastError = delivery.lastError();
    }

    TicketView.Escalation view() {
        return new TicketView.Escalation(ruleId, ruleName, firedAt, raisedPriorityTo, webhookUrl == null ? null
                : new TicketView.Webhook(webhookStatus, webhookAttempts, webhookLastError),
                emailStatus == null ? null : new TicketView.Email(List.of(emailTo), emailStatus, emailAttempts,
                        emailLastError));
    }
}
