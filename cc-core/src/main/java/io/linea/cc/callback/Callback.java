package io.linea.cc.callback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

import io.linea.cc.callback.CallbackView.Kind;
import io.linea.cc.callback.CallbackView.Outcome;
import io.linea.cc.callback.CallbackView.Status;

/** One item of a tenant's work list; it leaves the open list only with an outcome (ACD-14). */
@Entity
@Table(name = "callback")
class Callback {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(updatable = false)
    private String number;

    private UUID queueId;

    @Column(updatable = false)
    private UUID interactionId;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant preferredAt;

    private int attempts;

    private Instant lastAttemptAt;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String note;

    private Instant doneAt;

    private UUID doneBy;

    private String doneByName;

    private UUID voicemailId;

    @Version
    private Long version;

    protected Callback() {
    }

    Callback(Kind kind, String number, UUID queueId, UUID interactionId, Instant createdAt, Instant preferredAt,
            UUID voicemailId) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.number = number;
        this.queueId = queueId;
        this.interactionId = interactionId;
        this.createdAt = createdAt;
        this.preferredAt = preferredAt;
        this.voicemailId = voicemailId;
        this.status = preferredAt != null && preferredAt.isAfter(createdAt) ? Status.SCHEDULED : Status.OPEN;
    }

    UUID id() {
        return id;
    }

    long version() {
        return version == null ? 0 : version;
    }

    boolean done() {
        return status == Status.DONE;
    }

    UUID queueId() {
        return queueId;
    }

    UUID voicemailId() {
        return voicemailId;
    }

    String number() {
        return number;
    }

    void attempted(Instant at) {
        attempts++;
        lastAttemptAt = at;
        status = Status.IN_PROGRESS;
    }

    /** Waits for its queue to call back (ACD-10), even when its time has already come. */
    Callback scheduledForQueue() {
        if (queueId != null && preferredAt != null) {
            status = Status.SCHEDULED;
        }
        return this;
    }

    /** An automatic attempt failed: people take it from the open list. */
    void reopen() {
        if (status != Status.DONE) {
            status = Status.OPEN;
        }
    }

    void due() {
        if (status == Status.SCHEDULED) {
            status = Status.OPEN;
        }
    }

    void finish(Outcome outcome, String note, Instant at, UUID by, String byName) {
        this.status = Status.DONE;
        this.outcome = outcome;
        this.note = note;
        this.doneAt = at;
        this.doneBy = by;
        this.doneByName = byName;
    }

    CallbackView view(String queueName, CallbackView.VoicemailRef voicemail) {
        return new CallbackView(id, kind, status, number, queueId, queueName, interactionId, createdAt, preferredAt,
                attempts, lastAttemptAt, outcome, note, doneAt, doneByName, voicemail, version());
    }
}
