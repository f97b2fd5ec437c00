package io.linea.cc.routing;

/** Why an interaction leaves a queue without an agent (ACD-08); the caller's configured action follows. */
public enum OverflowReason {
    /** The queue's calendar says closed (decided before enqueueing). */
    CLOSED,
    /** It waited the queue's maximum wait. */
    TIMEOUT,
    /** The queue already held its maximum number of waiting interactions. */
    QUEUE_FULL,
    /** No agent is logged in to the queue (and the queue overflows in that case). */
    NO_AGENTS
}
