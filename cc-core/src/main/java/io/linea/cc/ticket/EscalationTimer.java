package io.linea.cc.ticket;

/** The SLA timer an escalation rule watches (HD-01). */
public enum EscalationTimer {
    /** Runs from creation until the first public comment of an agent. */
    FIRST_RESPONSE,
    /** Runs from creation until the ticket is resolved, paused while it is pending. */
    RESOLUTION
}
