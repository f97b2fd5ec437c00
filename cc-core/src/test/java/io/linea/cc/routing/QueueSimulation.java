package io.linea.cc.routing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A deterministic discrete-event simulation of one queue, M/M/s+M, first come first served (B9, ACD-09):
 * Poisson arrivals with a constant or time-varying rate, {@code s} agents with exponential handle times and
 * callers with exponential patience (or none). Every caller who finds all agents busy gets three wait
 * predictions at arrival, which are scored against the wait they actually had:
 * <ul>
 * <li>{@link Predictor#QL}: {@link WaitForecast} with the caller's number ahead, {@code s} agents, and a
 *     {@link QueueStatistics} fed only with what the simulation has observed so far, exactly as the engine's
 *     owner would feed it (handle times of finished services, abandonments, waits of callers served);</li>
 * <li>{@link Predictor#ERLANG_C}: the steady-state mean wait of M/M/s, {@code C(s, λ/μ) / (sμ − λ)}, with the
 *     long-run arrival rate and the true {@code μ}: the classic staffing formula, blind to the position;</li>
 * <li>{@link Predictor#LES}: the wait of the last caller who entered service (0 before anyone has).</li>
 * </ul>
 * Callers who abandon are left out of the scores, as in the literature (Whitt 1999; Ibrahim and Whitt 2009):
 * their wait until service was never observed. Every predictor is scored on the same callers. If anything the
 * exclusion favours LES, whose input is itself the wait of a caller patient enough to be served, while QL
 * forecasts the wait of a caller who holds on, which is slightly longer on average (by less than
 * {@code 1/(sμ)}).
 * <p>
 * Same scenario, same seed, same numbers: one {@link SplittableRandom}, drawn in event order.
 */
final class QueueSimulation {

    enum Predictor {
        QL, ERLANG_C, LES
    }

    /** Arrivals per second over time. */
    interface ArrivalRate {

        double at(double seconds);

        /** Upper bound of {@link #at}, for thinning. */
        double max();

        /** Long-run mean, what a staffing forecast would use. */
        double mean();

        String describe();
    }

    static ArrivalRate constant(double perSecond) {
        return new ArrivalRate() {
            @Override
            public double at(double seconds) {
                return perSecond;
            }

            @Override
            public double max() {
                return perSecond;
            }

            @Override
            public double mean() {
                return perSecond;
            }

            @Override
            public String describe() {
                return "constant";
            }
        };
    }

    /** {@code low} for {@code phase}, then {@code high} for {@code phase}, and so on: bursts of overload. */
    static ArrivalRate alternating(double low, double high, Duration phase) {
        double phaseSeconds = phase.toSeconds();
        return new ArrivalRate() {
            @Override
            public double at(double seconds) {
                return ((long) (seconds / phaseSeconds)) % 2 == 0 ? low : high;
            }

            @Override
            public double max() {
                return Math.max(low, high);
            }

            @Override
            public double mean() {
                return (low + high) / 2;
            }

            @Override
            public String describe() {
                return "alternating every " + phase.toMinutes() + " min";
            }
        };
    }

    /** {@code mean · (1 + amplitude · sin(2πt / period))}: a daily wave. */
    static ArrivalRate sinusoidal(double mean, double amplitude, Duration period) {
        double periodSeconds = period.toSeconds();
        return new ArrivalRate() {
            @Override
            public double at(double seconds) {
                return mean * (1 + amplitude * Math.sin(2 * Math.PI * seconds / periodSeconds));
            }

            @Override
            public double max() {
                return mean * (1 + Math.abs(amplitude));
            }

            @Override
            public double mean() {
                return mean;
            }

            @Override
            public String describe() {
                return "sinusoidal ±" + Math.round(amplitude * 100) + " %, period " + period.toHours() + " h";
            }
        };
    }

    /**
     * @param meanPatienceSeconds {@link Double#POSITIVE_INFINITY} for callers who never give up
     * @param halfLife            of the {@link QueueStatistics} the QL predictor learns from
     */
    record Scenario(String name, int servers, double meanHandleSeconds, double meanPatienceSeconds,
            ArrivalRate arrivals, long customers, long seed, int halfLife) {

        Scenario {
            if (arrivals.mean() >= servers / meanHandleSeconds) {
                throw new IllegalArgumentException("long-run load must be below 1 for Erlang C to exist");
            }
        }

        Scenario withCustomers(long count) {
            return new Scenario(name, servers, meanHandleSeconds, meanPatienceSeconds, arrivals, count, seed, halfLife);
        }

        Scenario withHalfLife(int observations) {
            return new Scenario(name, servers, meanHandleSeconds, meanPatienceSeconds, arrivals, customers, seed,
                    observations);
        }

        /** Long-run offered load per agent. */
        double load() {
            return arrivals.mean() * meanHandleSeconds / servers;
        }
    }

    /** M/M/s steady-state mean wait, {@code C(s, a) / (sμ − λ)}, with Erlang B by its stable recursion. */
    static double erlangCWaitSeconds(int servers, double arrivalsPerSecond, double meanHandleSeconds) {
        double offered = arrivalsPerSecond * meanHandleSeconds;
        double blocking = 1;
        for (int k = 1; k <= servers; k++) {
            blocking = offered * blocking / (k + offered * blocking);
        }
        double delayProbability = servers * blocking / (servers - offered * (1 - blocking));
        return delayProbability / (servers / meanHandleSeconds - arrivalsPerSecond);
    }

    private static final class Caller {
        final double arrival;
        final double deadline;
        final int ahead;
        final double ql;
        final double les;
        boolean gone;

        Caller(double arrival, double deadline, int ahead, double ql, double les) {
            this.arrival = arrival;
            this.deadline = deadline;
            this.ahead = ahead;
            this.ql = ql;
            this.les = les;
        }
    }

    static Result run(Scenario scenario) {
        SplittableRandom random = new SplittableRandom(scenario.seed());
        QueueStatistics statistics = new QueueStatistics(QueueStatistics.DEFAULT_PRIOR_HANDLE_TIME,
                scenario.halfLife());
        double erlangC = erlangCWaitSeconds(scenario.servers(), scenario.arrivals().mean(),
                scenario.meanHandleSeconds());
        Result result = new Result(scenario, erlangC);
        ArrivalRate rate = scenario.arrivals();

        // Busy agents as a min-heap of end times, with each service's length alongside for handled().
        double[] ends = new double[scenario.servers()];
        double[] lengths = new double[scenario.servers()];
        int busy = 0;
        ArrayDeque<Caller> line = new ArrayDeque<>();
        PriorityQueue<Caller> patience = new PriorityQueue<>((a, b) -> Double.compare(a.deadline, b.deadline));
        int waiting = 0;
        double lastServedWait = 0;
        long arrived = 0;
        double now = 0;
        double nextArrival = nextArrival(random, rate, 0);

        while (arrived < scenario.customers() || waiting > 0) {
            while (!patience.isEmpty() && patience.peek().gone) {
                patience.poll();
            }
            double arrival = arrived < scenario.customers() ? nextArrival : Double.POSITIVE_INFINITY;
            double end = busy > 0 ? ends[0] : Double.POSITIVE_INFINITY;
            double abandon = patience.isEmpty() ? Double.POSITIVE_INFINITY : patience.peek().deadline;

            if (arrival <= end && arrival <= abandon) {
                now = arrival;
                arrived++;
                nextArrival = nextArrival(random, rate, now);
                double patienceSeconds = exponential(random, scenario.meanPatienceSeconds());
                if (busy < scenario.servers()) {
                    statistics.served(Duration.ZERO);
                    busy = start(random, scenario, ends, lengths, busy, now);
                    continue;
                }
                double ql = WaitForecast.expectedWaitSeconds(waiting + 1, scenario.servers(), 0,
                        statistics.meanHandleSeconds(), statistics.abandonPerSecond());
                Caller caller = new Caller(now, now + patienceSeconds, waiting, ql, lastServedWait);
                line.add(caller);
                if (caller.deadline < Double.POSITIVE_INFINITY) {
                    patience.add(caller);
                }
                waiting++;
                result.waited++;
            } else if (end <= abandon) {
                now = end;
                statistics.handled(seconds(lengths[0]));
                busy = removeMin(ends, lengths, busy);
                Caller next = line.poll();
                while (next != null && next.gone) {
                    next = line.poll();
                }
                if (next != null) {
                    double wait = now - next.arrival;
                    next.gone = true;
                    waiting--;
                    statistics.served(seconds(wait));
                    lastServedWait = wait;
                    result.record(next.ahead, wait, next.ql, next.les);
                    busy = start(random, scenario, ends, lengths, busy, now);
                }
            } else {
                now = abandon;
                Caller quitter = patience.poll();
                quitter.gone = true;
                waiting--;
                statistics.abandoned(seconds(now - quitter.arrival));
                result.abandoned++;
            }
        }
        result.arrived = arrived;
        result.simulatedSeconds = now;
        result.finalMeanHandleSeconds = statistics.meanHandleSeconds();
        result.finalAbandonPerSecond = statistics.abandonPerSecond();
        return result;
    }

    /** Non-homogeneous Poisson arrivals by thinning (Lewis and Shedler): candidates at the maximum rate. */
    private static double nextArrival(SplittableRandom random, ArrivalRate rate, double from) {
        double t = from;
        while (true) {
            t += exponential(random, 1 / rate.max());
            if (random.nextDouble() * rate.max() <= rate.at(t)) {
                return t;
            }
        }
    }

    private static double exponential(SplittableRandom random, double mean) {
        if (mean == Double.POSITIVE_INFINITY) {
            return mean;
        }
        return -mean * Math.log(1 - random.nextDouble());
    }

    private static int start(SplittableRandom random, Scenario scenario, double[] ends, double[] lengths, int busy,
            double now) {
        double length = exponential(random, scenario.meanHandleSeconds());
        int i = busy;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (ends[parent] <= now + length) {
                break;
            }
            ends[i] = ends[parent];
            lengths[i] = lengths[parent];
            i = parent;
        }
        ends[i] = now + length;
        lengths[i] = length;
        return busy + 1;
    }

    private static int removeMin(double[] ends, double[] lengths, int busy) {
        int size = busy - 1;
        double end = ends[size];
        double length = lengths[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && ends[child + 1] < ends[child]) {
                child++;
            }
            if (end <= ends[child]) {
                break;
            }
            ends[i] = ends[child];
            lengths[i] = lengths[child];
            i = child;
        }
        ends[i] = end;
        lengths[i] = length;
        return size;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** Squared errors per number ahead {@code n}, for the callers who were served. */
    static final class Result {

        final Scenario scenario;
        final double erlangCSeconds;
        long arrived;
        long waited;
        long abandoned;
        double simulatedSeconds;
        double finalMeanHandleSeconds;
        double finalAbandonPerSecond;

        private long[] count = new long[64];
        private double[] actualSum = new double[64];
        private final double[][] squaredErrorSum = new double[Predictor.values().length][64];

        private Result(Scenario scenario, double erlangCSeconds) {
            this.scenario = scenario;
            this.erlangCSeconds = erlangCSeconds;
        }

        private void record(int ahead, double actual, double ql, double les) {
            if (ahead >= count.length) {
                int size = Math.max(ahead + 1, count.length * 2);
                count = Arrays.copyOf(count, size);
                actualSum = Arrays.copyOf(actualSum, size);
                for (int p = 0; p < squaredErrorSum.length; p++) {
                    squaredErrorSum[p] = Arrays.copyOf(squaredErrorSum[p], size);
                }
            }
            count[ahead]++;
            actualSum[ahead] += actual;
            add(Predictor.QL, ahead, ql - actual);
            add(Predictor.ERLANG_C, ahead, erlangCSeconds - actual);
            add(Predictor.LES, ahead, les - actual);
        }

        private void add(Predictor predictor, int ahead, double error) {
            squaredErrorSum[predictor.ordinal()][ahead] += error * error;
        }

        /** Highest number ahead any served caller had. */
        int maxAhead() {
            for (int n = count.length - 1; n >= 0; n--) {
                if (count[n] > 0) {
                    return n;
                }
            }
            return -1;
        }

        long samples(int ahead) {
            return ahead < count.length ? count[ahead] : 0;
        }

        long served() {
            return Arrays.stream(count).sum();
        }

        double meanActual(int ahead) {
            return actualSum[ahead] / count[ahead];
        }

        /** Root relative average squared error: √mean((prediction − actual)²) / mean(actual). */
        double rrase(Predictor predictor, int ahead) {
            return Math.sqrt(squaredErrorSum[predictor.ordinal()][ahead] / count[ahead]) / meanActual(ahead);
        }

        /** The coefficient of variation of an Erlang(n+1) wait: what no predictor beats in M/M/s. */
        static double floor(int ahead) {
            return 1 / Math.sqrt(ahead + 1);
        }

        /** {@link #rrase} averaged over the positions up to {@code maxAhead} with at least {@code minSamples}, weighted by samples. */
        double aggregate(Predictor predictor, long minSamples, int maxAhead) {
            return weighted(minSamples, maxAhead, n -> rrase(predictor, n));
        }

        /** {@link #floor} averaged with the same weights as {@link #aggregate}. */
        double aggregateFloor(long minSamples, int maxAhead) {
            return weighted(minSamples, maxAhead, Result::floor);
        }

        /** Samples in the positions {@link #aggregate} covers. */
        long aggregateSamples(long minSamples, int maxAhead) {
            long total = 0;
            for (int n = 0; n <= Math.min(maxAhead, count.length - 1); n++) {
                if (count[n] >= minSamples) {
                    total += count[n];
                }
            }
            return total;
        }

        private double weighted(long minSamples, int maxAhead, java.util.function.IntToDoubleFunction value) {
            double sum = 0;
            long weight = 0;
            for (int n = 0; n <= Math.min(maxAhead, count.length - 1); n++) {
                if (count[n] >= minSamples) {
                    sum += count[n] * value.applyAsDouble(n);
                    weight += count[n];
                }
            }
            return sum / weight;
        }
    }
}
