package io.linea.cc.ticket;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/**
 * A file attached to a ticket or one of its comments (HD-01). The bytes live in the blob store, encrypted with
 * the tenant's key; this row keeps the metadata and the extracted text that makes the file searchable.
 */
@Entity
@Table(name = "ticket_attachment")
class TicketAttachment {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID ticketId;

    private UUID commentId;

    private String fileName;

    private String contentType;

    private long size;

    private String sha256;

    private String blobKey;

    private String text;

    private UUID uploadedBy;

    private String uploadedByName;

    private Instant uploadedAt;

    protected TicketAttachment() {
    }

    TicketAttachment(UUID id, UUID ticketId, UUID commentId, AttachmentFiles.Checked file, String blobKey,
            Actor actor, Instant at) {
        this.id = id;
        this.ticketId = ticketId;
        this.commentId = commentId;
        this.fileName = file.fileName();
        this.contentType = file.contentType();
        this.size = file.size();
        this.sha256 = file.sha256();
        this.text = file.text();
        this.blobKey = blobKey;
        this.uploadedBy = actor == null ? null : actor.id();
        this.uploadedByName = actor == null ? null : actor.name();
        this.uploadedAt = at;
    }

    UUID id() {
        return id;
    }

    UUID ticketId() {
        return ticketId;
    }

    String blobKey() {
        return blobKey;
    }

    String fileName() {
        return fileName;
    }

    String contentType() {
        return contentType;
    }

    TicketAttachmentView view() {
        return new TicketAttachmentView(id, fileName, contentType, size, sha256, uploadedBy, uploadedByName,
                uploadedAt, commentId);
    }
}
