package io.linea.cc.ticket;

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

/** One escalation rule of a tenant (HD-01); its id stays the same across edits so it fires once per ticket. */
@Entity
@Table(name = "ticket_escalation_rule")
class EscalationRule {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private int position;

    private String name;

    @Enumerated(EnumType.STRING)
    private EscalationTimer timer;

    @Enumerated(EnumType.STRING)
    private EscalationPoint point;

    private int businessMinutes;

    @Enumerated(EnumType.STRING)
    private TicketPriority raisePriorityTo;

    private String webhookUrl;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(254)[]")
    private String[] notifyEmails = new String[0];

    protected EscalationRule() {
    }

    EscalationRule(UUID id) {
        this.id = id;
    }

    UUID id() {
        return id;
    }

    void change(int position, TicketSettingsView.Rule rule) {
        this.position = position;
        this.name = rule.name();
        this.timer = rule.of();
        this.point = rule.point();
        this.businessMinutes = rule.businessMinutes();
        this.raisePriorityTo = rule.raisePriorityTo();
        this.webhookUrl = rule.webhookUrl();
        this.notifyEmails = rule.notifyEmails().toArray(String[]::new);
    }

    int position() {
        return position;
    }

    TicketSettingsView.Rule view() {
        return new TicketSettingsView.Rule(id, name, timer, point, businessMinutes, raisePriorityTo, webhookUrl,
                notifyEmails == null ? List.of() : List.of(notifyEmails));
    }
}
