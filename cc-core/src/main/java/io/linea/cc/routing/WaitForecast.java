package io.linea.cc.routing;

import java.time.Duration;
import java.util.Optional;

/**
 * The expected wait of a caller at a given position in a queue (ACD-09), from the queue's live state: the
 * queue-length (QL) predictor of Whitt, "Predicting queueing delays", <i>Management Science</i> 45(6),
 * 1999, in its M/M/s+M form (Ibrahim and Whitt, "Real-time delay estimation based on delay history",
 * <i>MSOM</i> 11(3), 2009).
 * <p>
 * Model: {@code s} agents serve the queue first come, first served, all busy; handle times are exponential
 * with mean {@code 1/μ} and every waiting caller gives up at rate {@code θ} (exponential patience). A caller
 * with {@code n} callers ahead reaches an agent after {@code n + 1} advances; while {@code j} callers are
 * ahead, the next advance is the first of {@code s} service completions or {@code j} abandonments, which
 * comes at rate {@code sμ + jθ}. So
 *
 * <pre>
 *     E[W | n ahead] = Σ_{j=0..n} 1 / (sμ + jθ)
 * </pre>
 *
 * It is the wait of a caller who holds on (the "potential" wait), which is what the announcement is for:
 * the caller decides whether to stay. With {@code θ = 0} it is {@code (n + 1) / (sμ)}.
 * <p>
 * Why not a history-only average (the mean wait of the last hour, the wait of the last caller answered, or
 * Erlang C from the forecast arrival rate): those do not know where this caller is in the line. Two callers,
 * one first and one twentieth, would hear the same number, and after a burst the history still speaks of
 * the quiet period before it. Given the number ahead and the agents serving, the remaining wait in the
 * model above no longer depends on arrivals at all (later callers queue behind), so the QL predictor
 * follows bursts at once and its error is close to the irreducible spread of the wait itself, whose
 * coefficient of variation is {@code 1/√(n+1)} without abandonment. Benchmark B9
 * ({@code docs/benchmarks/b9-forecast.md}) measures this against both baselines.
 * <p>
 * Pure functions, no state; the estimates of {@code 1/μ} and {@code θ} come from {@link QueueStatistics}.
 */
public final class WaitForecast {

    private WaitForecast() {
    }

    /**
     * The expected wait of the caller at {@code position}.
     *
     * @param position          1-based place in the queue (1 = next to be offered)
     * @param servers           agents serving the queue: busy (talking or in wrap-up) or free; not on break
     * @param freeServers       of those, the ones free now (an offer may still be ringing)
     * @param meanHandleSeconds mean talk + wrap-up time per interaction, {@code 1/μ}
     * @param abandonPerSecond  rate at which one waiting caller gives up, {@code θ}; 0 when unknown
     * @return empty when no agent serves the queue (no forecast can be made: the wait is unbounded);
     *         {@link Duration#ZERO} when a free agent is there for this caller
     * @throws IllegalArgumentException for a position below 1, negative counts, more free agents than agents,
     *                                  a handle time that is not positive or a negative or non-finite rate
     */
    public static Optional<Duration> expectedWait(int position, int servers, int freeServers, double meanHandleSeconds,
            double abandonPerSecond) {
        double seconds = expectedWaitSeconds(position, servers, freeServers, meanHandleSeconds, abandonPerSecond);
        if (Double.isNaN(seconds)) {
            return Optional.empty();
        }
        return Optional.of(toDuration(seconds));
    }

    /** {@link #expectedWait} with the estimates of {@code statistics}. */
    public static Optional<Duration> expectedWait(int position, int servers, int freeServers,
            QueueStatistics statistics) {
        return expectedWait(position, servers, freeServers, statistics.meanHandleSeconds(),
                statistics.abandonPerSecond());
    }

    /**
     * {@link #expectedWait} in seconds, {@link Double#NaN} for "no forecast": for callers that compute with
     * the number (the benchmark predicts for millions of callers).
     */
    public static double expectedWaitSeconds(int position, int servers, int freeServers, double meanHandleSeconds,
            double abandonPerSecond) {
        if (position < 1) {
            throw new IllegalArgumentException("position is 1-based: " + position);
        }
        if (servers < 0 || freeServers < 0 || freeServers > servers) {
            throw new IllegalArgumentException("servers " + servers + ", free " + freeServers);
        }
        if (!(meanHandleSeconds > 0) || Double.isInfinite(meanHandleSeconds)) {
            throw new IllegalArgumentException("mean handle time must be positive: " + meanHandleSeconds);
        }
        if (!(abandonPerSecond >= 0) || Double.isInfinite(abandonPerSecond)) {
            throw new IllegalArgumentException("abandonment rate must be >= 0: " + abandonPerSecond);
        }
        if (servers == 0) {
            return Double.NaN;
        }
        if (freeServers >= position) {
            return 0;
        }
        // The free agents take the first callers at once (their offers are ringing), after which every agent
        // is busy: the caller is then the (position - free)-th in line behind s busy agents.
        int ahead = position - 1 - freeServers;
        double serviceRate = servers / meanHandleSeconds;
        double seconds = 0;
        for (int j = 0; j <= ahead; j++) {
            seconds += 1 / (serviceRate + j * abandonPerSecond);
        }
        return seconds;
    }

    private static Duration toDuration(double seconds) {
        long whole = (long) Math.min(seconds, Long.MAX_VALUE);
        long nanos = Math.round((seconds - whole) * 1e9);
        return Duration.ofSeconds(whole, nanos);
    }
}
