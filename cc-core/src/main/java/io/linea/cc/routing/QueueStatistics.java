package io.linea.cc.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * The live estimates a queue's {@link WaitForecast} needs (ACD-09): the mean handle time {@code 1/μ} and the
 * rate {@code θ} at which a waiting caller gives up. One per queue; the routing engine's owner feeds it as
 * interactions finish, callers give up and callers reach an agent. Mutable and not thread-safe, like the
 * engine it sits next to.
 * <p>
 * Both estimates forget old data exponentially with a half-life counted in <em>observations</em>, not in
 * time: they need no clock, a busy queue adapts within minutes, and a quiet queue keeps its estimates
 * overnight instead of fading back to the prior.
 * <ul>
 * <li>Handle time: an exponentially weighted moving average of {@link #handled} times. The prior counts as
 *     {@value #PRIOR_WEIGHT} observations, so the first long call does not swing the announcement, and it is
 *     forgotten like any other observation.</li>
 * <li>Abandonment: callers' patience is taken as exponential. A caller who gave up after waiting {@code w}
 *     shows patience {@code w}; one who reached an agent after {@code w} shows patience of at least {@code w}
 *     (censored). The maximum-likelihood estimate of {@code θ} is then the number of abandonments divided by
 *     the total time all those callers waited; both sums decay with the same half-life. Until some waiting
 *     has been seen the rate is 0, which errs towards announcing a longer wait.</li>
 * </ul>
 */
public final class QueueStatistics {

    /** Mean handle time assumed before the first interaction of the queue has finished. */
    public static final Duration DEFAULT_PRIOR_HANDLE_TIME = Duration.ofSeconds(180);

    /** Observations after which one's weight has halved. */
    public static final int DEFAULT_HALF_LIFE = 500;

    /** How many observations the prior handle time is worth. */
    static final int PRIOR_WEIGHT = 5;

    private final double decay;

    private double handleSum;
    private double handleWeight;

    private double abandonments;
    private double waitedSeconds;

    private long observations;

    /** {@link #DEFAULT_PRIOR_HANDLE_TIME}, {@link #DEFAULT_HALF_LIFE}. */
    public QueueStatistics() {
        this(DEFAULT_PRIOR_HANDLE_TIME, DEFAULT_HALF_LIFE);
    }

    /**
     * @param priorHandleTime mean handle time to assume until interactions have finished, e.g. the queue's
     *                        historical mean
     * @param halfLife        observations after which one's weight has halved, for both estimates
     */
    public QueueStatistics(Duration priorHandleTime, int halfLife) {
        Objects.requireNonNull(priorHandleTime, "priorHandleTime");
        if (priorHandleTime.isNegative() || priorHandleTime.isZero()) {
            throw new IllegalArgumentException("prior handle time must be positive: " + priorHandleTime);
        }
        if (halfLife < 1) {
            throw new IllegalArgumentException("half-life must be at least one observation: " + halfLife);
        }
        this.decay = Math.pow(0.5, 1.0 / halfLife);
        this.handleSum = PRIOR_WEIGHT * seconds(priorHandleTime);
        this.handleWeight = PRIOR_WEIGHT;
    }

    /** One interaction of the queue ended: its talk time plus wrap-up, the time its agent was taken. */
    public void handled(Duration handleTime) {
        double x = nonNegativeSeconds(handleTime, "handleTime");
        handleSum = handleSum * decay + x;
        handleWeight = handleWeight * decay + 1;
        observations++;
    }

    /** A caller gave up (hung up or left the queue on their own) after waiting {@code waited}. */
    public void abandoned(Duration waited) {
        double w = nonNegativeSeconds(waited, "waited");
        abandonments = abandonments * decay + 1;
        waitedSeconds = waitedSeconds * decay + w;
        observations++;
    }

    /**
     * A caller reached an agent after waiting {@code waited} in the queue. A caller answered at once
     * may be reported too: a zero wait says nothing about patience and leaves the estimate as it was.
     */
    public void served(Duration waited) {
        double w = nonNegativeSeconds(waited, "waited");
        observations++;
        if (w == 0) {
            return;
        }
        abandonments = abandonments * decay;
        waitedSeconds = waitedSeconds * decay + w;
    }

    /** Estimated mean handle time {@code 1/μ} in seconds; the prior until interactions have finished. */
    public double meanHandleSeconds() {
        return handleSum / handleWeight;
    }

    /** Estimated rate {@code θ} at which one waiting caller gives up, per second; 0 until waits were seen. */
    public double abandonPerSecond() {
        return waitedSeconds > 0 ? abandonments / waitedSeconds : 0;
    }

    /** Everything fed so far: handled, abandoned and served, without decay. */
    public long observations() {
        return observations;
    }

    private static double nonNegativeSeconds(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
        return seconds(d);
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
