package io.linea.cc.crm;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** A note on a client (AGT-05); each text it ever had is also a {@link ClientNoteVersion}. */
@Entity
@Table(name = "client_note")
class ClientNote {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(updatable = false)
    private UUID clientId;

    @Column(updatable = false)
    private UUID interactionId;

    private String text;

    @Column(updatable = false)
    private Instant createdAt;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private String createdByName;

    private Instant updatedAt;

    private UUID updatedBy;

    private String updatedByName;

    @Version
    private Long version;

    protected ClientNote() {
    }

    ClientNote(UUID clientId, UUID interactionId, String text, UUID author, String authorName, Instant now) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.interactionId = interactionId;
        this.text = text;
        this.createdAt = now;
        this.createdBy = author;
        this.createdByName = authorName;
        this.updatedAt = now;
        this.updatedBy = author;
        this.updatedByName = authorName;
    }

    /** Whether the text changed; an identical text is not a new version. */
    boolean edit(String newText, UUID author, String authorName, Instant now) {
        if (newText.equals(text)) {
            return false;
        }
        this.text = newText;
        this.updatedAt = now;
        this.updatedBy = author;
        this.updatedByName = authorName;
        return true;
    }

    UUID id() {
        return id;
    }

    UUID clientId() {
        return clientId;
    }

    String text() {
        return text;
    }

    long version() {
        return version == null ? 0 : version;
    }

    NoteView view() {
        return new NoteView(id, clientId, interactionId, text, createdAt, createdBy, createdByName, updatedAt,
                updatedBy, updatedByName, version());
    }
}
