package io.linea.cc.routing;

import java.time.Instant;

/**
 * Something due at a time. Deadlines are never removed when plans change; one is acted on only while
 * its target still expects exactly this time, so a stale one is skipped.
 */
record Deadline(Instant at, long sequence, Kind kind, Object target) implements Comparable<Deadline> {

    enum Kind {
        WRAP_UP_END, STICKY_END, SKILL_STEP, MAX_WAIT
    }

    @Override
    public int compareTo(Deadline other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }

    boolean stillDue() {
        return switch (kind) {
            case WRAP_UP_END -> at.equals(((AgentSeat) target).wrapUpUntil);
            case STICKY_END -> {
                Interaction i = (Interaction) target;
                yield i.live() && i.sticky && at.equals(i.stickyUntil);
            }
            case SKILL_STEP -> {
                Interaction i = (Interaction) target;
                yield i.live() && at.equals(i.nextStepAt);
            }
            case MAX_WAIT -> {
                Interaction i = (Interaction) target;
                yield i.live() && at.equals(i.timeoutAt);
            }
        };
    }
}
