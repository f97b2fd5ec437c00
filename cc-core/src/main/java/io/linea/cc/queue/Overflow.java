package io.linea.cc.queue;

/** A queue's overflow action for each condition it cannot serve a caller in (ACD-08). */
public record Overflow(OverflowAction closed, OverflowAction timeout, OverflowAction full, OverflowAction noAgents) {

    public enum Condition {
        CLOSED, TIMEOUT, FULL, NO_AGENTS
    }

    /** Voicemail catches every caller nobody can answer (IVR-09, seed 003). */
    public static Overflow defaults() {
        OverflowAction voicemail = OverflowAction.voicemail();
        return new Overflow(voicemail, voicemail, voicemail, voicemail);
    }

    public OverflowAction of(Condition condition) {
        return switch (condition) {
            case CLOSED -> closed;
            case TIMEOUT -> timeout;
            case FULL -> full;
            case NO_AGENTS -> noAgents;
        };
    }
}
