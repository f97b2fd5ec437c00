package io.linea.cc.callback;

import java.time.Instant;
import java.util.UUID;

/** An item of the work list as the API shows it. */
public record CallbackView(UUID id, Kind kind, Status status, String number, UUID queueId, String queueName,
        UUID interactionId, Instant createdAt, Instant preferredAt, int attempts, Instant lastAttemptAt,
        Outcome outcome, String note, Instant doneAt, String doneByName, VoicemailRef voicemail, long version) {

    public enum Kind {
        /** The caller asked to be called back (ACD-10). */
        CALLBACK,
        /** The caller left without reaching anybody and without a message (ACD-14). */
        MISSED,
        /** The caller left a message (IVR-09). */
        VOICEMAIL
    }

    public enum Status {
        OPEN,
        /** A callback with a preferred time that has not come yet. */
        SCHEDULED,
        /** Somebody is dialling it now. */
        IN_PROGRESS,
        DONE
    }

    public enum Outcome {
        REACHED, NO_ANSWER, WRONG_NUMBER, NOT_NEEDED, DUPLICATE
    }

    public record VoicemailRef(UUID id, long durationMs) {
    }
}
