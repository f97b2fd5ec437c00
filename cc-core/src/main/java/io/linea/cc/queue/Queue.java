package io.linea.cc.queue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

import io.linea.cc.routing.Strategy;

/** A queue of one tenant with its routing rules (ADM-02, ACD-01 … ACD-10). */
@Entity
@Table(name = "queue")
class Queue {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String name;

    private String description;

    private int serviceLevelSeconds;

    private boolean enabled;

    private UUID calendarId;

    @Enumerated(EnumType.STRING)
    private Strategy strategy;

    private int priority;

    private int wrapUpSeconds;

    private int ringTimeoutSeconds;

    private Integer maxWaitSeconds;

    private int maxLength;

    private int stickyDays;

    private int stickyWaitSeconds;

    private Integer skillFallbackSeconds;

    private boolean selfLoginAllowed;

    private boolean announcePosition;

    private boolean announceWait;

    private int announceIntervalSeconds;

    private boolean callbackOffer;

    private boolean callbackPreferredTime;

    private boolean voicemailOption;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "queue_id", nullable = false, updatable = false)
    @BatchSize(size = 50)
    private List<QueueOverflow> overflow = new ArrayList<>();

    // A wrapper, not a primitive: Spring Data then treats a null version as "new" and persists
    // instead of merging (a merge re-copies the collections and bumps the version at once).
    @Version
    private Long version;

    protected Queue() {
    }

    Queue(QueueDraft draft) {
        this.id = UUID.randomUUID();
        change(draft);
    }

    void change(QueueDraft draft) {
        this.name = draft.name();
        this.description = draft.description();
        this.serviceLevelSeconds = draft.serviceLevelSeconds();
        this.enabled = draft.enabled();
        this.calendarId = draft.calendarId();
        QueueRouting r = draft.routing();
        this.strategy = r.strategy();
        this.priority = r.priority();
        this.wrapUpSeconds = r.wrapUpSeconds();
        this.ringTimeoutSeconds = r.ringTimeoutSeconds();
        this.maxWaitSeconds = r.maxWaitSeconds();
        this.maxLength = r.maxLength();
        this.stickyDays = r.stickyDays();
        this.stickyWaitSeconds = r.stickyWaitSeconds();
        this.skillFallbackSeconds = r.skillFallbackSeconds();
        this.selfLoginAllowed = r.selfLoginAllowed();
        this.announcePosition = r.announcePosition();
        this.announceWait = r.announceWait();
        this.announceIntervalSeconds = r.announceIntervalSeconds();
        this.callbackOffer = r.callbackOffer();
        this.callbackPreferredTime = r.callbackPreferredTime();
        this.voicemailOption = r.voicemailOption();
        // Rows are kept per condition and changed in place: Hibernate inserts before it deletes
        // orphans, so re-adding a condition would break the (queue, condition) unique key.
        Map<Overflow.Condition, QueueOverflow> existing = new EnumMap<>(Overflow.Condition.class);
        overflow.forEach(row -> existing.put(row.condition(), row));
        for (Overflow.Condition condition : Overflow.Condition.values()) {
            OverflowAction action = r.overflow().of(condition);
            QueueOverflow row = existing.get(condition);
            if (row == null) {
                overflow.add(new QueueOverflow(condition, action));
            } else {
                row.set(action);
            }
        }
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    long version() {
        return version == null ? 0 : version;
    }

    QueueRouting routing() {
        Map<Overflow.Condition, OverflowAction> actions = new EnumMap<>(Overflow.Condition.class);
        overflow.forEach(row -> actions.put(row.condition(), row.value()));
        OverflowAction voicemail = OverflowAction.voicemail();
        Overflow o = new Overflow(actions.getOrDefault(Overflow.Condition.CLOSED, voicemail),
                actions.getOrDefault(Overflow.Condition.TIMEOUT, voicemail),
                actions.getOrDefault(Overflow.Condition.FULL, voicemail),
                actions.getOrDefault(Overflow.Condition.NO_AGENTS, voicemail));
        return new QueueRouting(strategy, priority, wrapUpSeconds, ringTimeoutSeconds, maxWaitSeconds, maxLength,
                stickyDays, stickyWaitSeconds, skillFallbackSeconds, selfLoginAllowed, announcePosition, announceWait,
                announceIntervalSeconds, callbackOffer, callbackPreferredTime, voicemailOption, o);
    }

    QueueView view() {
        return new QueueView(id, name, description, serviceLevelSeconds, enabled, calendarId, version(), routing());
    }
}
