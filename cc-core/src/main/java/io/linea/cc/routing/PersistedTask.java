package io.linea.cc.routing;

import java.time.Instant;
import java.util.UUID;

/**
 * An interaction the router held before a restart: waiting when {@code personId} is null, handled by that
 * person otherwise; {@code handle} is what its medium's owner stored to find it again.
 */
public record PersistedTask(RoutingTask task, UUID personId, Instant acceptedAt, String handle) {
}
