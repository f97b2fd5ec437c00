package io.linea.cc.queue;

import io.linea.cc.routing.Strategy;

/**
 * How a queue distributes, keeps waiting and overflows its interactions (ACD-02 … ACD-10); see
 * docs/routing.md for what each setting does.
 *
 * @param maxWaitSeconds       null: no limit
 * @param maxLength            0: unlimited
 * @param stickyDays           0: no sticky agent (ACD-07)
 * @param skillFallbackSeconds null: required skills never widen
 */
public record QueueRouting(Strategy strategy, int priority, int wrapUpSeconds, int ringTimeoutSeconds,
        Integer maxWaitSeconds, int maxLength, int stickyDays, int stickyWaitSeconds, Integer skillFallbackSeconds,
        boolean selfLoginAllowed, boolean announcePosition, boolean announceWait, int announceIntervalSeconds,
        boolean callbackOffer, boolean callbackPreferredTime, boolean voicemailOption, Overflow overflow) {

    public QueueRouting withOverflow(Overflow changed) {
        return new QueueRouting(strategy, priority, wrapUpSeconds, ringTimeoutSeconds, maxWaitSeconds, maxLength,
                stickyDays, stickyWaitSeconds, skillFallbackSeconds, selfLoginAllowed, announcePosition, announceWait,
                announceIntervalSeconds, callbackOffer, callbackPreferredTime, voicemailOption, changed);
    }

    public static QueueRouting defaults() {
        return new QueueRouting(Strategy.LONGEST_IDLE, 0, 30, 20, null, 0, 0, 10, null, true, true, true, 60, false,
                false, false, Overflow.defaults());
    }
}
