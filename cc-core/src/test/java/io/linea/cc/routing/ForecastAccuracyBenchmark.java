package io.linea.cc.routing;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.linea.cc.routing.QueueSimulation.Predictor;
import io.linea.cc.routing.QueueSimulation.Result;
import io.linea.cc.routing.QueueSimulation.Scenario;

/**
 * Benchmark B9 (ACD-09): accuracy of the queue-length wait forecast against Erlang C and last-to-enter-service,
 * on {@link QueueSimulation} with a million callers or more per scenario. Not a test; {@code benchmarks/run-b9.sh}
 * runs it and appends its markdown to {@code docs/benchmarks/b9-forecast.md}.
 * <p>
 * Arguments: {@code [customers per scenario]} (default 2,000,000).
 */
public final class ForecastAccuracyBenchmark {

    /** Positions with fewer served callers are left out of tables and aggregates: their RRASE is noise. */
    static final long MIN_SAMPLES = 1_000;

    /** Mean handle time of every scenario; the predictor's prior is 180 s, so it has to learn it. */
    static final double HANDLE_SECONDS = 240;

    /** s = 10 at 95 % load, nobody gives up: the case where the floor is exact. */
    static Scenario steady(long customers) {
        return new Scenario("M/M/10, load 0.95, constant arrivals, no abandonment", 10, HANDLE_SECONDS,
                Double.POSITIVE_INFINITY, QueueSimulation.constant(0.95 * 10 / HANDLE_SECONDS), customers, 9_001,
                QueueStatistics.DEFAULT_HALF_LIFE);
    }

    /** s = 30, hour-long bursts at 120 % load between hours at 70 %, mean patience 10 min. */
    static Scenario bursts(long customers) {
        double perAgent = 30 / HANDLE_SECONDS;
        return new Scenario("M/M/30+M, load alternating 0.70 / 1.20 every hour, mean patience 600 s", 30,
                HANDLE_SECONDS, 600, QueueSimulation.alternating(0.70 * perAgent, 1.20 * perAgent, Duration.ofHours(1)),
                customers, 9_002, QueueStatistics.DEFAULT_HALF_LIFE);
    }

    /** s = 30, a load wave between 0.58 and 1.22 over 8 hours, mean patience 10 min. */
    static Scenario wave(long customers) {
        double perAgent = 30 / HANDLE_SECONDS;
        return new Scenario("M/M/30+M, load 0.90 ± 35 % sinusoidal over 8 h, mean patience 600 s", 30,
                HANDLE_SECONDS, 600, QueueSimulation.sinusoidal(0.90 * perAgent, 0.35, Duration.ofHours(8)), customers,
                9_003, QueueStatistics.DEFAULT_HALF_LIFE);
    }

    public static void main(String[] args) {
        long customers = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 2_000_000;
        for (Scenario scenario : List.of(steady(customers), bursts(customers), wave(customers))) {
            long started = System.nanoTime();
            Result result = QueueSimulation.run(scenario);
            double elapsed = (System.nanoTime() - started) / 1e9;
            print(result, elapsed);
        }
    }

    private static void print(Result r, double elapsedSeconds) {
        Scenario s = r.scenario;
        System.out.printf("### %s%n%n", s.name());
        System.out.printf(
                "%,d callers (seed %d), %,.0f simulated hours; %.1f %% waited, %.1f %% of those gave up; "
                        + "learned mean handle %.1f s (true %.0f s), abandonment %.5f/s (true %s); "
                        + "Erlang C predicts %.1f s for everyone; %.1f s to run.%n%n",
                r.arrived, s.seed(), r.simulatedSeconds / 3600, 100.0 * r.waited / r.arrived,
                100.0 * r.abandoned / r.waited, r.finalMeanHandleSeconds, s.meanHandleSeconds(),
                r.finalAbandonPerSecond,
                s.meanPatienceSeconds() == Double.POSITIVE_INFINITY ? "0"
                        : String.format(Locale.ROOT, "%.5f/s", 1 / s.meanPatienceSeconds()),
                r.erlangCSeconds, elapsedSeconds);
        System.out.printf(Locale.ROOT,
                "Headline (all positions with at least %,d served callers, weighted by callers): QL / floor %.2f×; "
                        + "QL's RRASE %s lower than Erlang C's and %s lower than LES's.%n%n",
                MIN_SAMPLES, r.aggregate(Predictor.QL, MIN_SAMPLES, Integer.MAX_VALUE)
                        / r.aggregateFloor(MIN_SAMPLES, Integer.MAX_VALUE),
                improvement(r.aggregate(Predictor.QL, MIN_SAMPLES, Integer.MAX_VALUE),
                        r.aggregate(Predictor.ERLANG_C, MIN_SAMPLES, Integer.MAX_VALUE)),
                improvement(r.aggregate(Predictor.QL, MIN_SAMPLES, Integer.MAX_VALUE),
                        r.aggregate(Predictor.LES, MIN_SAMPLES, Integer.MAX_VALUE)));
        System.out.println("| n ahead | served callers | mean wait (s) | floor 1/√(n+1) | QL | Erlang C | LES | QL / floor "
                + "| QL lower than Erlang C by | QL lower than LES by |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        int max = r.maxAhead();
        for (int n = 0; n <= max; n++) {
            if (r.samples(n) < MIN_SAMPLES || !shown(n)) {
                continue;
            }
            row(String.valueOf(n), r.samples(n), r.meanActual(n), Result.floor(n), r.rrase(Predictor.QL, n),
                    r.rrase(Predictor.ERLANG_C, n), r.rrase(Predictor.LES, n));
        }
        aggregate(r, "**0–10**", 10);
        aggregate(r, "**all**", Integer.MAX_VALUE);
        System.out.println();
    }

    /** Every position up to 20, then every 5th up to 50, then every 10th: the aggregates use them all. */
    private static boolean shown(int n) {
        return n <= 20 || (n <= 50 && n % 5 == 0) || n % 10 == 0;
    }

    private static void aggregate(Result r, String label, int maxAhead) {
        row(label, r.aggregateSamples(MIN_SAMPLES, maxAhead), Double.NaN, r.aggregateFloor(MIN_SAMPLES, maxAhead),
                r.aggregate(Predictor.QL, MIN_SAMPLES, maxAhead), r.aggregate(Predictor.ERLANG_C, MIN_SAMPLES, maxAhead),
                r.aggregate(Predictor.LES, MIN_SAMPLES, maxAhead));
    }

    private static void row(String label, long samples, double meanWait, double floor, double ql, double erlangC,
            double les) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %s | %.3f | %.3f | %.3f | %.3f | %.2f× | %s | %s |%n", label,
                samples, Double.isNaN(meanWait) ? "" : String.format(Locale.ROOT, "%.0f", meanWait), floor, ql,
                erlangC, les, ql / floor, improvement(ql, erlangC), improvement(ql, les));
    }

    /** {@code 1 − QL / baseline}: negative when QL does worse. */
    private static String improvement(double ql, double baseline) {
        // rounded first, so that a tie prints "0 %" and not "-0 %"
        return Math.round(100 * (1 - ql / baseline)) + " %";
    }
}
