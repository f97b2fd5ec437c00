package io.linea.cc.ticket;

/** Where on its timer an escalation rule fires, {@code businessMinutes} away from the start or the due time. */
public enum EscalationPoint {
    AFTER_START, BEFORE_DUE, AFTER_DUE;

    /** The rule's point as business time of the timer since its start (pauses excluded). */
    long offsetMinutes(long targetMinutes, long businessMinutes) {
        return switch (this) {
            case AFTER_START -> businessMinutes;
            case BEFORE_DUE -> Math.max(0, targetMinutes - businessMinutes);
            case AFTER_DUE -> targetMinutes + businessMinutes;
        };
    }
}
