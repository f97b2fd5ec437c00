package io.linea.cc.ticket;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

import io.linea.cc.ticket.TicketSettingsView.Targets;

/** The help-desk configuration row of one tenant; its primary key is the tenant id (HD-01, HD-02). */
@Entity
@Table(name = "ticket_settings")
class TicketPolicy {

    /** What a tenant that never configured anything gets, in business minutes. */
    static final Map<TicketPriority, Targets> DEFAULT_TARGETS = Map.of(
            TicketPriority.LOW, new Targets(480, 4800),
            TicketPriority.NORMAL, new Targets(240, 2400),
            TicketPriority.HIGH, new Targets(60, 960),
            TicketPriority.URGENT, new Targets(30, 240));

    @Id
    @TenantId
    @Column(name = "tenant_id")
    private UUID tenantId;

    private UUID calendarId;

    private int lowFirstResponseMinutes;
    private int lowResolutionMinutes;
    private int normalFirstResponseMinutes;
    private int normalResolutionMinutes;
    private int highFirstResponseMinutes;
    private int highResolutionMinutes;
    private int urgentFirstResponseMinutes;
    private int urgentResolutionMinutes;

    private String handoffUrl;
    private String handoffHeaderName;
    private String handoffHeaderValue;

    @Enumerated(EnumType.STRING)
    private TicketStatus handoffOnStatus;

    @Version
    private Long version;

    protected TicketPolicy() {
    }

    TicketPolicy(UUID calendarId, Map<TicketPriority, Targets> targets) {
        change(calendarId, targets);
    }

    long version() {
        return version == null ? 0 : version;
    }

    UUID calendarId() {
        return calendarId;
    }

    void change(UUID calendarId, Map<TicketPriority, Targets> targets) {
        this.calendarId = calendarId;
        lowFirstResponseMinutes = targets.get(TicketPriority.LOW).firstResponseMinutes();
        lowResolutionMinutes = targets.get(TicketPriority.LOW).resolutionMinutes();
        normalFirstResponseMinutes = targets.get(TicketPriority.NORMAL).firstResponseMinutes();
        normalResolutionMinutes = targets.get(TicketPriority.NORMAL).resolutionMinutes();
        highFirstResponseMinutes = targets.get(TicketPriority.HIGH).firstResponseMinutes();
        highResolutionMinutes = targets.get(TicketPriority.HIGH).resolutionMinutes();
        urgentFirstResponseMinutes = targets.get(TicketPriority.URGENT).firstResponseMinutes();
        urgentResolutionMinutes = targets.get(TicketPriority.URGENT).resolutionMinutes();
    }

    /** {@code headerValue} null keeps the secret already stored (it is never shown, so never sent back). */
    void handoff(String url, String headerName, String headerValue, TicketStatus onStatus) {
        this.handoffUrl = url;
        this.handoffHeaderName = url == null ? null : headerName;
        if (url == null || headerName == null) {
            this.handoffHeaderValue = null;
        } else if (headerValue != null) {
            this.handoffHeaderValue = headerValue;
        }
        this.handoffOnStatus = url == null ? null : onStatus;
    }

    Map<TicketPriority, Targets> targets() {
        Map<TicketPriority, Targets> targets = new EnumMap<>(TicketPriority.class);
        targets.put(TicketPriority.LOW, new Targets(lowFirstResponseMinutes, lowResolutionMinutes));
        targets.put(TicketPriority.NORMAL, new Targets(normalFirstResponseMinutes, normalResolutionMinutes));
        targets.put(TicketPriority.HIGH, new Targets(highFirstResponseMinutes, highResolutionMinutes));
        targets.put(TicketPriority.URGENT, new Targets(urgentFirstResponseMinutes, urgentResolutionMinutes));
        return targets;
    }

    HandoffTarget handoffTarget() {
        return handoffUrl == null ? null
                : new HandoffTarget(handoffUrl, handoffHeaderName, handoffHeaderValue, handoffOnStatus);
    }

    /** Where tickets go on hand-off, secret included: never leaves the module. */
    record HandoffTarget(String url, String headerName, String headerValue, TicketStatus onStatus) {

        TicketSettingsView.Handoff view() {
            return new TicketSettingsView.Handoff(url, headerName, headerValue != null, onStatus);
        }
    }
}
