package io.linea.cc.crm;

import java.time.Instant;
import java.util.UUID;

/**
 * A note on a client, optionally attached to one interaction (AGT-05). {@code version} counts the edits;
 * the texts it had are at {@code /notes/{id}/versions}.
 */
public record NoteView(UUID id, UUID clientId, UUID interactionId, String text, Instant createdAt, UUID createdBy,
        String createdByName, Instant updatedAt, UUID updatedBy, String updatedByName, long version) {

    /** One text a note had: {@code number} 1 is the first text, the highest is the current one. */
    public record Version(int number, String text, UUID authorId, String authorName, Instant writtenAt) {
    }
}
