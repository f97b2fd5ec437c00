package io.linea.cc.routing;

/** How a queue chooses among the agents that could take an interaction (ACD-02). */
public enum Strategy {
    /** The agent free for the longest time since their last interaction ended (or since they became available). */
    LONGEST_IDLE,
    /** The agent with the least talk time today (the engine's zone), across all their tenants. */
    LEAST_TALK_TIME,
    /** The agent with the highest sum of levels in the interaction's required skills; ties go to the longest idle. */
    MOST_SKILLED,
    /** The next agent after the one last offered an interaction of this queue, in the order they logged in. */
    ROUND_ROBIN,
    /** Every eligible agent at once; the first to accept takes it, the others' offers are withdrawn. */
    RING_ALL
}
