package io.linea.cc.routing;

import java.time.Duration;
import java.util.UUID;

/** A queue's live state: what the wallboard, the forecast and the no-agent rule look at. */
public record QueueSnapshot(UUID queueId, int waiting, int loggedIn, int available, int busy, Duration longestWait) {
}
