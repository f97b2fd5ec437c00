package io.linea.cc.queue;

import java.util.UUID;

/** What a caller wants a queue to be (create or full replace). */
public record QueueDraft(String name, String description, int serviceLevelSeconds, boolean enabled,
        UUID calendarId, QueueRouting routing) {

    /** A queue with the default routing rules. */
    public QueueDraft(String name, String description, int serviceLevelSeconds, boolean enabled, UUID calendarId) {
        this(name, description, serviceLevelSeconds, enabled, calendarId, QueueRouting.defaults());
    }
}
