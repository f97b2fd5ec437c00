package io.linea.cc.queue;

import java.util.UUID;

/** A queue as the API and other modules see it. */
public record QueueView(UUID id, String name, String description, int serviceLevelSeconds, boolean enabled,
        UUID calendarId, long version) {
}
