package io.linea.cc.queue;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** A queue of one tenant. */
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
    }

    UUID id() {
        return id;
    }

    long version() {
        return version == null ? 0 : version;
    }

    QueueView view() {
        return new QueueView(id, name, description, serviceLevelSeconds, enabled, calendarId, version());
    }
}
