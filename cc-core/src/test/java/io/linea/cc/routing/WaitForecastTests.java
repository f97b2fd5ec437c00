package io.linea.cc.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.linea.cc.routing.QueueSimulation.Predictor;
import io.linea.cc.routing.QueueSimulation.Result;

/**
 * The queue wait forecast (ACD-09): {@link WaitForecast}'s formula on hand-computed cases,
 * {@link QueueStatistics}' estimators on known inputs, and the B9 accuracy targets on {@link QueueSimulation}
 * at a scale that runs in about a second (the full-size run is {@link ForecastAccuracyBenchmark}).
 */
class WaitForecastTests {

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    @Nested
    class ExpectedWait {

        @Test
        void withoutAbandonmentIsOneServiceCompletionPerPlaceAhead() {
            // (n + 1) / (sμ): 5 / (10 / 240 s) = 120 s
            assertThat(WaitForecast.expectedWait(5, 10, 0, 240, 0)).contains(Duration.ofSeconds(120));
            assertThat(WaitForecast.expectedWait(1, 1, 0, 180, 0)).contains(Duration.ofSeconds(180));
        }

        @Test
        void callersAheadWhoGiveUpShortenTheWait() {
            // s = 2, 1/μ = 100 s, θ = 0.01/s, position 3: 1/0.02 + 1/0.03 + 1/0.04 = 50 + 33.33 + 25
            Duration wait = WaitForecast.expectedWait(3, 2, 0, 100, 0.01).orElseThrow();
            assertThat(seconds(wait)).isCloseTo(108.333_333, within(1e-6));
            assertThat(wait).isLessThan(WaitForecast.expectedWait(3, 2, 0, 100, 0).orElseThrow());
        }

        @Test
        void growsWithEveryPlaceInTheQueue() {
            double previous = 0;
            for (int position = 1; position <= 200; position++) {
                double wait = WaitForecast.expectedWaitSeconds(position, 30, 0, 240, 1.0 / 600);
                assertThat(wait).isGreaterThan(previous);
                previous = wait;
            }
        }

        @Test
        void noAgentServingTheQueueMeansNoForecast() {
            assertThat(WaitForecast.expectedWait(1, 0, 0, 180, 0)).isEmpty();
            assertThat(WaitForecast.expectedWait(7, 0, 0, 180, 0.01)).isEmpty();
        }

        @Test
        void aFreeAgentForTheCallerMeansNoWait() {
            assertThat(WaitForecast.expectedWait(2, 4, 2, 120, 0)).contains(Duration.ZERO);
            assertThat(WaitForecast.expectedWait(2, 4, 3, 120, 0)).contains(Duration.ZERO);
        }

        @Test
        void freeAgentsTakeTheFirstCallersAndTheRestWaitBehindAllAgents() {
            // s = 4, 2 free, position 3: the first two are answered, the third is first behind 4 busy agents: 120/4
            assertThat(WaitForecast.expectedWait(3, 4, 2, 120, 0)).contains(Duration.ofSeconds(30));
            assertThat(WaitForecast.expectedWait(5, 4, 2, 120, 0)).contains(Duration.ofSeconds(90));
        }

        @Test
        void takesItsEstimatesFromTheQueuesStatistics() {
            QueueStatistics statistics = new QueueStatistics(Duration.ofSeconds(60), 10);
            assertThat(WaitForecast.expectedWait(2, 1, 0, statistics)).contains(Duration.ofSeconds(120));
        }

        @Test
        void refusesNonsense() {
            assertThatThrownBy(() -> WaitForecast.expectedWait(0, 1, 0, 180, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> WaitForecast.expectedWait(1, 1, 2, 180, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> WaitForecast.expectedWait(1, -1, 0, 180, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> WaitForecast.expectedWait(1, 1, 0, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> WaitForecast.expectedWait(1, 1, 0, 180, Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> WaitForecast.expectedWait(1, 1, 0, 180, -0.1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Statistics {

        @Test
        void startsFromThePriorAndNoAbandonment() {
            QueueStatistics statistics = new QueueStatistics();
            assertThat(statistics.meanHandleSeconds()).isEqualTo(180);
            assertThat(statistics.abandonPerSecond()).isZero();
            assertThat(statistics.observations()).isZero();
        }

        @Test
        void handleTimeIsAnExponentiallyWeightedMeanWithThePriorAsFiveObservations() {
            // half-life 1: every observation halves the weight of everything before it
            QueueStatistics statistics = new QueueStatistics(Duration.ofSeconds(100), 1);
            statistics.handled(Duration.ofSeconds(300));
            assertThat(statistics.meanHandleSeconds()).isCloseTo((5 * 100 * 0.5 + 300) / (5 * 0.5 + 1), within(1e-9));
            statistics.handled(Duration.ofSeconds(300));
            assertThat(statistics.meanHandleSeconds())
                    .isCloseTo((5 * 100 * 0.25 + 300 * 0.5 + 300) / (5 * 0.25 + 0.5 + 1), within(1e-9));
            assertThat(statistics.observations()).isEqualTo(2);
        }

        @Test
        void afterOneHalfLifeTheOldHandleTimeWeighsHalf() {
            QueueStatistics statistics = new QueueStatistics(Duration.ofSeconds(100), 100);
            for (int i = 0; i < 2_000; i++) {
                statistics.handled(Duration.ofSeconds(100));
            }
            for (int i = 0; i < 100; i++) {
                statistics.handled(Duration.ofSeconds(400));
            }
            assertThat(statistics.meanHandleSeconds()).isCloseTo(250, within(0.5));
        }

        @Test
        void abandonmentRateIsAbandonmentsOverTimeWaitedByEveryone() {
            QueueStatistics statistics = new QueueStatistics(Duration.ofSeconds(180), Integer.MAX_VALUE);
            statistics.abandoned(Duration.ofSeconds(60));
            statistics.abandoned(Duration.ofSeconds(120));
            statistics.served(Duration.ofSeconds(300));
            statistics.served(Duration.ofSeconds(120));
            statistics.served(Duration.ZERO);
            assertThat(statistics.abandonPerSecond()).isCloseTo(2.0 / 600, within(1e-9));
            assertThat(statistics.observations()).isEqualTo(5);
        }

        @Test
        void abandonmentsAndTimeWaitedAgeTogether() {
            QueueStatistics statistics = new QueueStatistics(Duration.ofSeconds(180), 1);
            statistics.abandoned(Duration.ofSeconds(100));
            statistics.served(Duration.ofSeconds(100));
            // 0.5 abandonments over 0.5 · 100 + 100 seconds
            assertThat(statistics.abandonPerSecond()).isCloseTo(0.5 / 150, within(1e-12));
            statistics.served(Duration.ZERO);
            assertThat(statistics.abandonPerSecond()).isCloseTo(0.5 / 150, within(1e-12));
        }

        @Test
        void recoversExponentialPatienceThoughMostCallersAreServedFirst() {
            // Patience ~ Exp(mean 300 s), served after ~ Exp(mean 200 s): 60 % of patience is never seen in full.
            SplittableRandom random = new SplittableRandom(42);
            QueueStatistics statistics = new QueueStatistics(Duration.ofSeconds(180), Integer.MAX_VALUE);
            for (int i = 0; i < 50_000; i++) {
                double patience = -300 * Math.log(1 - random.nextDouble());
                double service = -200 * Math.log(1 - random.nextDouble());
                if (patience < service) {
                    statistics.abandoned(Duration.ofMillis(Math.round(patience * 1000)));
                } else {
                    statistics.served(Duration.ofMillis(Math.round(service * 1000)));
                }
            }
            assertThat(statistics.abandonPerSecond()).isCloseTo(1.0 / 300, within(0.03 / 300));
        }

        @Test
        void refusesNonsense() {
            QueueStatistics statistics = new QueueStatistics();
            assertThatThrownBy(() -> statistics.handled(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> statistics.abandoned(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new QueueStatistics(Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new QueueStatistics(Duration.ofSeconds(1), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(statistics.observations()).isZero();
        }
    }

    /** B9 at 300,000 callers per scenario, the same scenarios and seeds as the benchmark. */
    @Nested
    class Accuracy {

        private static final long CUSTOMERS = 300_000;
        private static final long MIN_SAMPLES = 1_000;

        @Test
        void theSimulatedQueueBehavesLikeMmsTheory() {
            Result r = QueueSimulation.run(ForecastAccuracyBenchmark.steady(CUSTOMERS));
            int s = r.scenario.servers();
            double lambda = r.scenario.arrivals().mean();
            double handle = r.scenario.meanHandleSeconds();
            double delayProbability = QueueSimulation.erlangCWaitSeconds(s, lambda, handle) * (s / handle - lambda);
            assertThat((double) r.waited / r.arrived).isCloseTo(delayProbability, within(0.02));
            for (int n = 0; n <= 10; n++) {
                assertThat(r.meanActual(n)).as("mean wait with %d ahead", n)
                        .isCloseTo((n + 1) * handle / s, within(0.03 * (n + 1) * handle / s));
            }
        }

        @Test
        void mmsQueueLengthPredictorIsWithinTwentyPercentOfTheFloor() {
            Result r = QueueSimulation.run(ForecastAccuracyBenchmark.steady(CUSTOMERS));
            for (int n = 0; n <= 10; n++) {
                assertThat(r.samples(n)).as("callers served with %d ahead", n).isGreaterThanOrEqualTo(MIN_SAMPLES);
            }
            double ql = r.aggregate(Predictor.QL, MIN_SAMPLES, 10);
            assertThat(ql).isLessThanOrEqualTo(1.2 * r.aggregateFloor(MIN_SAMPLES, 10));
        }

        @Test
        void burstsWithAbandonmentQueueLengthBeatsBothBaselinesByThirtyPercent() {
            assertBeatsBaselines(QueueSimulation.run(ForecastAccuracyBenchmark.bursts(CUSTOMERS)));
        }

        @Test
        void dailyWaveWithAbandonmentQueueLengthBeatsBothBaselinesByThirtyPercent() {
            assertBeatsBaselines(QueueSimulation.run(ForecastAccuracyBenchmark.wave(CUSTOMERS)));
        }

        private void assertBeatsBaselines(Result r) {
            // The scenario must really overload and lose callers, or the comparison proves nothing.
            assertThat((double) r.abandoned / r.waited).isGreaterThan(0.05);
            assertThat(r.maxAhead()).isGreaterThan(20);
            double ql = r.aggregate(Predictor.QL, MIN_SAMPLES, Integer.MAX_VALUE);
            assertThat(ql).isLessThanOrEqualTo(0.7 * r.aggregate(Predictor.ERLANG_C, MIN_SAMPLES, Integer.MAX_VALUE));
            assertThat(ql).isLessThanOrEqualTo(0.7 * r.aggregate(Predictor.LES, MIN_SAMPLES, Integer.MAX_VALUE));
        }

        @Test
        void sameSeedSameNumbers() {
            Result first = QueueSimulation.run(ForecastAccuracyBenchmark.bursts(20_000));
            Result second = QueueSimulation.run(ForecastAccuracyBenchmark.bursts(20_000));
            assertThat(second.simulatedSeconds).isEqualTo(first.simulatedSeconds);
            assertThat(second.abandoned).isEqualTo(first.abandoned);
            assertThat(second.aggregate(Predictor.QL, 1, Integer.MAX_VALUE))
                    .isEqualTo(first.aggregate(Predictor.QL, 1, Integer.MAX_VALUE));
        }
    }
}
