package io.linea.cc.queue;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A queue as the API and other modules see it; the routing rules appear as fields of the queue in JSON. */
public record QueueView(UUID id, String name, String description, int serviceLevelSeconds, boolean enabled,
        UUID calendarId, long version, @JsonUnwrapped QueueRouting routing) {
}
