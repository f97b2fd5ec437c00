package io.linea.cc.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.TenantId;

import io.linea.cc.calendar.BusinessClock;
import io.linea.cc.ticket.TicketSettingsView.Targets;
import io.linea.platform.problem.LineaProblemException;

/**
 * A help-desk ticket (HD-01) with its SLA timers. Both timers start at creation and count business time
 * of the ticket calendar; the resolution timer stands still while the ticket is pending (or resolved, until
 * it is reopened), so its due time is the target plus the business time spent paused.
 */
@Entity
@Table(name = "ticket")
class Ticket {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(updatable = false)
    private long number;

    private String subject;

    private String description;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    private TicketPriority priority;

    private UUID assigneeId;

    private String groupName;

    private UUID clientId;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    private Instant firstResponseAt;

    private Instant resolvedAt;

    private Instant firstResponseDue;

    private Instant resolutionDue;

    private Instant resolutionDueOverride;

    private Instant pausedSince;

    private long pausedSeconds;

    private Instant nextEscalationAt;

    private String handoffStatus;

    private int handoffAttempts;

    private String handoffLastError;

    private String handoffReference;

    @Version
    private Long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    @BatchSize(size = 50)
    private List<TicketInteraction> interactions = new ArrayList<>();

    protected Ticket() {
    }

    Ticket(long number, TicketDraft draft, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.status = TicketStatus.NEW;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        this.subject = draft.subject();
        this.description = draft.description();
        this.priority = draft.priority() == null ? TicketPriority.NORMAL : draft.priority();
        this.assigneeId = draft.assigneeId();
        this.groupName = draft.group();
        this.clientId = draft.clientId();
        this.resolutionDueOverride = draft.resolutionDue();
        draft.interactionIds().forEach(i -> interactions.add(new TicketInteraction(i)));
    }

    UUID id() {
        return id;
    }

    long number() {
        return number;
    }

    long version() {
        return version == null ? 0 : version;
    }

    TicketStatus status() {
        return status;
    }

    TicketPriority priority() {
        return priority;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant firstResponseAt() {
        return firstResponseAt;
    }

    Instant pausedSince() {
        return pausedSince;
    }

    Duration paused() {
        return Duration.ofSeconds(pausedSeconds);
    }

    Instant resolutionDueOverride() {
        return resolutionDueOverride;
    }

    List<UUID> interactionIds() {
        return interactions.stream().map(TicketInteraction::interactionId).toList();
    }

    /** The changes of the editable fields as "field: old → new", for the ticket's history. */
    List<String> edit(TicketDraft draft, Instant now) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(subject, draft.subject())) {
            changes.add("subject");
            subject = draft.subject();
        }
        if (!Objects.equals(description, draft.description())) {
            changes.add("description");
            description = draft.description();
        }
        if (!Objects.equals(groupName, draft.group())) {
            changes.add("group: " + groupName + " → " + draft.group());
            groupName = draft.group();
        }
        if (!Objects.equals(clientId, draft.clientId())) {
            changes.add("clientId: " + clientId + " → " + draft.clientId());
            clientId = draft.clientId();
        }
        if (!Objects.equals(resolutionDueOverride, draft.resolutionDue())) {
            changes.add("resolutionDue: " + resolutionDueOverride + " → " + draft.resolutionDue());
            resolutionDueOverride = draft.resolutionDue();
        }
        LinkedHashSet<UUID> wanted = new LinkedHashSet<>(draft.interactionIds());
        if (!new LinkedHashSet<>(interactionIds()).equals(wanted)) {
            changes.add("interactionIds: " + interactionIds() + " → " + wanted);
            interactions.removeIf(link -> !wanted.contains(link.interactionId()));
            interactionIds().forEach(wanted::remove);
            wanted.forEach(i -> interactions.add(new TicketInteraction(i)));
        }
        if (!changes.isEmpty()) {
            updatedAt = now;
        }
        return changes;
    }

    /** Assigns to an agent (or nobody); true when it changed. */
    boolean assign(UUID agentId, Instant now) {
        if (Objects.equals(assigneeId, agentId)) {
            return false;
        }
        assigneeId = agentId;
        updatedAt = now;
        return true;
    }

    UUID assigneeId() {
        return assigneeId;
    }

    /** Changes the priority; the due times follow on the next {@link #computeSla}. True when it changed. */
    boolean prioritise(TicketPriority newPriority, Instant now) {
        if (priority == newPriority) {
            return false;
        }
        priority = newPriority;
        updatedAt = now;
        return true;
    }

    /**
     * Moves to {@code target} if the life cycle allows it (else a 409 {@code ticket.transition-invalid}).
     * Entering a pausing status stops the resolution timer; leaving it adds the business time spent to the
     * pause, which moves the resolution due time by exactly that much.
     */
    boolean moveTo(TicketStatus target, BusinessClock clock, Instant now) {
        if (target == status) {
            return false;
        }
        if (!status.canBecome(target)) {
            throw LineaProblemException.conflict("ticket.transition-invalid", status.name(), target.name());
        }
        if (!status.pausesResolution() && target.pausesResolution()) {
            pausedSince = now;
        } else if (status.pausesResolution() && !target.pausesResolution() && pausedSince != null) {
            pausedSeconds += clock.between(pausedSince, now).toSeconds();
            pausedSince = null;
        }
        if (target.done() && resolvedAt == null) {
            resolvedAt = now;
        } else if (!target.done()) {
            resolvedAt = null;
        }
        status = target;
        updatedAt = now;
        return true;
    }

    /** The first public answer of an agent stops the first-response timer; true if this was it. */
    boolean responded(Instant now) {
        updatedAt = now;
        if (firstResponseAt != null) {
            return false;
        }
        firstResponseAt = now;
        return true;
    }

    /** Sets the due times from the targets of the current priority, in business time of {@code clock}. */
    void computeSla(Targets targets, BusinessClock clock) {
        firstResponseDue = clock.addMinutes(createdAt, targets.firstResponseMinutes());
        resolutionDue = resolutionDueOverride != null ? resolutionDueOverride
                : clock.add(createdAt, Duration.ofMinutes(targets.resolutionMinutes()).plus(paused()));
    }

    void nextEscalationAt(Instant at) {
        nextEscalationAt = at;
    }

    void handoffStarted(Instant now) {
        handoffStatus = "PENDING";
        updatedAt = now;
    }

    void handoffFinished(Delivery delivery, Instant now) {
        handoffStatus = delivery.ok() ? "SENT" : "FAILED";
        handoffAttempts += delivery.attempts();
        handoffLastError = delivery.lastError();
        if (delivery.reference() != null) {
            handoffReference = delivery.reference();
        }
        updatedAt = now;
    }

    TicketView view(List<TicketView.Escalation> escalations, Instant now) {
        boolean firstResponseBreached = firstResponseDue != null
                && (firstResponseAt != null ? firstResponseAt : now).isAfter(firstResponseDue);
        Instant resolutionClock = resolvedAt != null ? resolvedAt : pausedSince != null ? pausedSince : now;
        boolean resolutionBreached = resolutionDue != null && resolutionClock.isAfter(resolutionDue);
        return new TicketView(id, number, subject, description, status, priority, assigneeId, groupName, clientId,
                interactionIds(), createdAt, updatedAt, firstResponseAt, resolvedAt, resolutionDueOverride,
                new TicketView.Sla(firstResponseDue, resolutionDue, firstResponseBreached, resolutionBreached,
                        pausedSince),
                escalations, handoffStatus == null ? null
                        : new TicketView.Handoff(handoffStatus, handoffAttempts, handoffLastError, handoffReference),
                version());
    }
}
