package io.linea.cc.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.linea.cc.blob.TenantBlobs;
import io.linea.cc.shared.InvalidInput;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/**
 * Files attached to the current tenant's tickets (HD-01). A file is checked and read (type from the content,
 * size, ZIP bombs, text for search) before anything is written, so a refused file leaves neither a row nor a
 * blob; the bytes go to the blob store encrypted with the tenant's key, the metadata and text to the database,
 * where a trigger adds the text to the ticket's search document (CRM-03).
 */
@Service
public class TicketAttachmentManagement {

    private static final Logger log = LoggerFactory.getLogger(TicketAttachmentManagement.class);

    /** The blob kind attachments are stored under. */
    static final String BLOB_KIND = "ticket-attachment";

    private final Tickets tickets;
    private final TicketComments comments;
    private final TicketAttachments attachments;
    private final TicketEvents events;
    private final AttachmentFiles files;
    private final TenantBlobs blobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    TicketAttachmentManagement(Tickets tickets, TicketComments comments, TicketAttachments attachments,
            TicketEvents events, AttachmentFiles files, TenantBlobs blobs, PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        this.tickets = tickets;
        this.comments = comments;
        this.attachments = attachments;
        this.events = events;
        this.files = files;
        this.blobs = blobs;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A downloaded attachment: its bytes with the name and detected type it was stored with. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    /**
     * The ticket exists in the tenant (else 404), whatever comes with the request: checked before the upload is
     * looked at, so another tenant's ticket id answers 404 and never a complaint about the body.
     */
    void requireTicket(UUID ticketId) {
        read(() -> require(ticketId));
    }

    /** Attaches a file; {@code commentId}, if given, must be a comment of the same ticket. */
    public TicketAttachmentView attach(UUID ticketId, UUID commentId, String fileName, String declaredType,
            byte[] content, Actor actor) {
        read(() -> {
            Ticket ticket = require(ticketId);
            if (ticket.status() == TicketStatus.CLOSED) {
                throw LineaProblemException.conflict("ticket.closed");
            }
            requireComment(ticketId, commentId);
            return null;
        });
        AttachmentFiles.Checked checked = files.check(fileName, declaredType, content);
        UUID tenant = TenantContext.requireTenant();
        String key = blobs.put(tenant, BLOB_KIND, content);
        try {
            TicketAttachmentView view = write(() -> {
                Ticket ticket = require(ticketId);
                requireComment(ticketId, commentId);
                Instant now = now();
                TicketAttachment attachment = attachments.saveAndFlush(new TicketAttachment(UUID.randomUUID(),
                        ticketId, commentId, checked, key, actor, now));
                events.save(new TicketEvent(ticketId, now, actor, "ATTACHED", checked.fileName() + " ("
                        + checked.contentType() + ", " + checked.size() + " bytes)"));
                log.info("Ticket #{}: attachment {} stored ({}, {} bytes, {} characters of text)", ticket.number(),
                        attachment.id(), checked.contentType(), checked.size(), checked.text().length());
                return attachment.view();
            });
            return view;
        } catch (RuntimeException e) {
            forget(tenant, key);
            throw e;
        }
    }

    public List<TicketAttachmentView> list(UUID ticketId) {
        return read(() -> {
            require(ticketId);
            return attachments.findByTicketIdOrderByUploadedAtAscIdAsc(ticketId).stream().map(TicketAttachment::view)
                    .toList();
        });
    }

    /** The bytes of an attachment of this ticket, decrypted with the tenant's key. */
    public Download download(UUID ticketId, UUID attachmentId) {
        TicketAttachment attachment = read(() -> {
            require(ticketId);
            return requireAttachment(ticketId, attachmentId);
        });
        byte[] content = blobs.get(TenantContext.requireTenant(), attachment.blobKey());
        return new Download(attachment.fileName(), attachment.contentType(), content);
    }

    /** Removes the attachment (its text leaves the ticket's search document); the blob goes after the commit. */
    public void delete(UUID ticketId, UUID attachmentId, Actor actor) {
        TicketAttachment deleted = write(() -> {
            require(ticketId);
            TicketAttachment attachment = requireAttachment(ticketId, attachmentId);
            attachments.delete(attachment);
            attachments.flush();
            events.save(new TicketEvent(ticketId, now(), actor, "ATTACHMENT_DELETED", attachment.fileName()));
            return attachment;
        });
        forget(TenantContext.requireTenant(), deleted.blobKey());
        log.info("Ticket {}: attachment {} deleted", ticketId, attachmentId);
    }

    private void forget(UUID tenant, String key) {
        try {
            blobs.delete(tenant, key);
        } catch (RuntimeException e) {
            log.warn("Blob {} of a removed attachment could not be deleted: {}", key, e.toString());
        }
    }

    private void requireComment(UUID ticketId, UUID commentId) {
        if (commentId != null && comments.findById(commentId).filter(c -> c.ticketId().equals(ticketId)).isEmpty()) {
            throw InvalidInput.field("commentId", "ticket.attachment.comment-missing");
        }
    }

    private Ticket require(UUID id) {
        return tickets.findById(id).orElseThrow(() -> LineaProblemException.notFound("ticket"));
    }

    private TicketAttachment requireAttachment(UUID ticketId, UUID attachmentId) {
        return attachments.findByIdAndTicketId(attachmentId, ticketId)
                .orElseThrow(() -> LineaProblemException.notFound("attachment"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private <T> T read(Supplier<T> work) {
        TransactionTemplate readOnly = new TransactionTemplate(tx.getTransactionManager());
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> work.get());
    }

    private <T> T write(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
