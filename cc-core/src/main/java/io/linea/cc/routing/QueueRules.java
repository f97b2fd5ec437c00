package io.linea.cc.routing;

import java.time.Duration;
import java.util.UUID;

/**
 * What the engine needs of one queue's configuration (ACD-01 … ACD-08). Calendars, announcements and
 * overflow actions are applied around the engine, not in it.
 *
 * @param priority             added to each interaction's own priority when an agent in several
 *                             queues is offered the next interaction (higher first)
 * @param wrapUp               after-call work before the agent is offered the next interaction (ACD-06)
 * @param ringTimeout          how long an offer rings before it counts as declined (used by the caller)
 * @param maxWait              an interaction waiting this long overflows with {@link OverflowReason#TIMEOUT}; null: never
 * @param maxLength            at most this many waiting; 0: unlimited ({@link OverflowReason#QUEUE_FULL})
 * @param stickyWait           how long an interaction with a preferred agent waits for that agent alone (ACD-07)
 * @param skillFallbackAfter   every such period of waiting widens the required skills one step; null: never
 * @param overflowWhenNoAgents whether an interaction overflows with {@link OverflowReason#NO_AGENTS} when
 *                             nobody is logged in to the queue
 */
public record QueueRules(UUID queueId, UUID tenantId, Strategy strategy, int priority, Duration wrapUp,
        Duration ringTimeout, Duration maxWait, int maxLength, Duration stickyWait, Duration skillFallbackAfter,
        boolean overflowWhenNoAgents) {
}
