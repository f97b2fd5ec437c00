package io.linea.cc.crm;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/** One text a note had, with who wrote it and when; written once, never changed (AGT-05). */
@Entity
@Immutable
@Table(name = "client_note_version")
class ClientNoteVersion {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID noteId;

    private int number;

    private String text;

    private UUID authorId;

    private String authorName;

    private Instant writtenAt;

    protected ClientNoteVersion() {
    }

    ClientNoteVersion(UUID noteId, int number, String text, UUID authorId, String authorName, Instant writtenAt) {
        this.id = UUID.randomUUID();
        this.noteId = noteId;
        this.number = number;
        this.text = text;
        this.authorId = authorId;
        this.authorName = authorName;
        this.writtenAt = writtenAt;
    }

    NoteView.Version view() {
        return new NoteView.Version(number, text, authorId, authorName, writtenAt);
    }
}
