package io.linea.cc.ticket;

import java.util.EnumSet;
import java.util.Set;

/** Where a ticket is in its life (HD-01); only the transitions listed here are allowed. */
public enum TicketStatus {
    NEW, OPEN, PENDING, RESOLVED, CLOSED;

    /** The statuses this one may change to (staying is always allowed). */
    Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING, RESOLVED, CLOSED);
            case OPEN -> EnumSet.of(PENDING, RESOLVED, CLOSED);
            case PENDING -> EnumSet.of(OPEN, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    boolean canBecome(TicketStatus target) {
        return target == this || next().contains(target);
    }

    /** The resolution timer does not run while the customer is awaited or the ticket is resolved. */
    boolean pausesResolution() {
        return this == PENDING || this == RESOLVED || this == CLOSED;
    }

    boolean done() {
        return this == RESOLVED || this == CLOSED;
    }
}
