package io.linea.cc.routing;

/**
 * An agent's state, per person across all their tenants (ACD-05): an agent on a call for client A is
 * busy for client B. Only {@link #AVAILABLE}, {@link #BREAK} and {@link #LOGGED_OUT} are chosen by
 * a person (or forced by a supervisor); the others follow from the interactions they handle.
 */
public enum Presence {
    LOGGED_OUT, AVAILABLE, RINGING, ON_CALL, WRAP_UP, BREAK, CHATTING
}
