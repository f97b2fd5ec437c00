package io.linea.cc.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to a ticket as the API shows it (HD-01): {@code contentType} is the type detected from the
 * content, {@code sha256} the hex digest of the bytes, {@code commentId} the comment it came with, if any.
 */
public record TicketAttachmentView(UUID id, String fileName, String contentType, long size, String sha256,
        UUID uploadedBy, String uploadedByName, Instant uploadedAt, UUID commentId) {
}
