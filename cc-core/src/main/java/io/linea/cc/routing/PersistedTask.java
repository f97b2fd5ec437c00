package io.linea.cc.routing;

import java.time.Instant;
import java.util.UUID;

/** An interaction the router held before a restart: waiting when {@code personId} is null, handled by that person otherwise. */
public record PersistedTask(RoutingTask task, UUID personId, Instant acceptedAt) {
}
