package io.linea.cc.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Benchmark B4: one routing decision with 10,000 agents and 1,000 waiting interactions, target p99 ≤ 1 ms.
 * Run by {@code benchmarks/run-b4.sh}, never by the tests (the name does not end in "Tests").
 * <p>
 * The engine holds 100 queues; every agent is logged in to 1 … 3 of them with 3 of 20 skills at random
 * levels, and 80 % of them are on a (restored) call, so each queue has about 200 members of whom about 40
 * are free. The 1,000 waiting interactions, 10 per queue, need a skill nobody has: they are never offered
 * but every freed agent looks through those of their queues. One measured operation is a whole cycle that
 * leaves the state as it found it: a call with 0 … 2 skill requirements is enqueued and offered to the
 * longest-idle skilled free member of its queue (the decision), accepted, and finished, upon which that
 * agent looks for work in their queues (a second decision) and finds none.
 * <p>
 * The baseline, in the same run, is the naive decision: one scan of a list of all 10,000 agents for the
 * free one idle the longest, without queues, skills or capacity.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx1g" })
public class RoutingDecisionBenchmark {

    static final int AGENTS = 10_000;
    static final int QUEUES = 100;
    static final int WAITING = 1_000;
    static final int SKILLS = 20;
    static final double FREE_SHARE = 0.2;

    /** A call to route: its queue and skill requirements, checked during setup to find a free agent. */
    record Call(UUID queueId, List<SkillRequirement> skills) {
    }

    @State(Scope.Thread)
    public static class Engine {

        RoutingEngine engine;
        UUID tenant;
        Instant now;
        long sequence;
        Call[] calls;
        int next;

        @Setup(Level.Trial)
        public void build() {
            Random random = new Random(4);
            engine = new RoutingEngine(ZoneOffset.UTC);
            tenant = new UUID(0xB4, 0);
            now = Instant.parse("2026-01-05T09:00:00Z");
            UUID[] queues = new UUID[QUEUES];
            for (int q = 0; q < QUEUES; q++) {
                queues[q] = new UUID(0xB4_01, q);
                engine.configure(new QueueRules(queues[q], tenant, Strategy.LONGEST_IDLE, 0, Duration.ZERO,
                        Duration.ofSeconds(20), null, 0, Duration.ZERO, null, false), now);
            }
            UUID[] skills = new UUID[SKILLS];
            for (int s = 0; s < SKILLS; s++) {
                skills[s] = new UUID(0xB4_02, s);
            }
            int free = 0;
            for (int a = 0; a < AGENTS; a++) {
                UUID person = new UUID(0xB4_03, a);
                engine.register(new AgentPerson(person, "agent " + a, Map.of(tenant, new UUID(0xB4_04, a)),
                        Map.of(Medium.VOICE, 1, Medium.CHAT, 2), false));
                Map<UUID, Integer> levels = new HashMap<>();
                while (levels.size() < 3) {
                    levels.put(skills[random.nextInt(SKILLS)], 1 + random.nextInt(5));
                }
                Set<UUID> memberOf = new LinkedHashSet<>();
                int count = 1 + random.nextInt(3);
                while (memberOf.size() < count) {
                    memberOf.add(queues[random.nextInt(QUEUES)]);
                }
                for (UUID queue : memberOf) {
                    engine.login(person, queue, levels, now);
                }
                if (random.nextDouble() < FREE_SHARE) {
                    free++;
                } else {
                    engine.restore(new RoutingTask(new UUID(0xB4_05, a), tenant, memberOf.iterator().next(),
                            Medium.VOICE, 0, List.of(), now, null, false), person, now);
                }
            }
            UUID nobodyHasIt = new UUID(0xB4_06, 0);
            for (int i = 0; i < WAITING; i++) {
                RoutingTask waiting = new RoutingTask(new UUID(0xB4_07, i), tenant, queues[i % QUEUES], Medium.VOICE,
                        random.nextInt(3), List.of(new SkillRequirement(nobodyHasIt, 1)),
                        now.minusSeconds(WAITING - i), null, false);
                if (!engine.enqueue(waiting, now).isEmpty()) {
                    throw new IllegalStateException("a waiting interaction was offered");
                }
            }
            List<Call> routable = new ArrayList<>();
            int tried = 0;
            while (routable.size() < 1024) {
                tried++;
                List<SkillRequirement> requirements = new ArrayList<>();
                int count = random.nextInt(3);
                while (requirements.size() < count) {
                    UUID skill = skills[random.nextInt(SKILLS)];
                    if (requirements.stream().noneMatch(r -> r.skillId().equals(skill))) {
                        requirements.add(new SkillRequirement(skill, 1 + random.nextInt(2)));
                    }
                }
                Call call = new Call(queues[random.nextInt(QUEUES)], List.copyOf(requirements));
                if (route(call) != null) {
                    routable.add(call);
                }
            }
            calls = routable.toArray(Call[]::new);
            int waiting = 0;
            for (UUID queue : queues) {
                waiting += engine.waiting(queue).size();
            }
            System.out.printf("%nB4 state: %d agents (%d free), %d queues, %d waiting; %d of %d sampled calls routable%n",
                    AGENTS, free, QUEUES, waiting, calls.length, tried);
        }

        /** One cycle: enqueue (offered), accept, finish; null when nobody could take it (then cancelled). */
        UUID route(Call call) {
            now = now.plusMillis(1);
            RoutingTask task = new RoutingTask(new UUID(0xB4_08, ++sequence), tenant, call.queueId(), Medium.VOICE,
                    0, call.skills(), now, null, false);
            for (RoutingEvent event : engine.enqueue(task, now)) {
                if (event instanceof RoutingEvent.Offered offered) {
                    engine.accepted(task.id(), offered.personId(), now);
                    engine.finished(task.id(), now);
                    return offered.personId();
                }
            }
            engine.cancel(task.id(), now);
            return null;
        }
    }

    static final class NaiveAgent {
        boolean free;
        long idleSince;
    }

    @State(Scope.Thread)
    public static class Naive {

        final List<NaiveAgent> agents = new ArrayList<>(AGENTS);
        long clock;

        @Setup(Level.Trial)
        public void build() {
            Random random = new Random(4);
            for (int a = 0; a < AGENTS; a++) {
                NaiveAgent agent = new NaiveAgent();
                agent.free = random.nextDouble() < FREE_SHARE;
                agent.idleSince = random.nextInt(1_000_000);
                agents.add(agent);
            }
            clock = 1_000_000;
        }
    }

    @Benchmark
    public UUID routingEngine(Engine state) {
        Call call = state.calls[state.next];
        state.next = (state.next + 1) % state.calls.length;
        return state.route(call);
    }

    /** The naive decision: the longest-idle free agent of all; taking and finishing the call only moves them to the end. */
    @Benchmark
    public NaiveAgent naiveScan(Naive state) {
        NaiveAgent best = null;
        for (NaiveAgent agent : state.agents) {
            if (agent.free && (best == null || agent.idleSince < best.idleSince)) {
                best = agent;
            }
        }
        best.idleSince = ++state.clock;
        return best;
    }

    /** Runs both benchmarks (JMH command-line options override the annotations) and prints p50, p99 and the ratios. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(RoutingDecisionBenchmark.class.getName() + "\\.").build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Statistics> byName = new HashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            byName.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult().getStatistics());
        }
        Statistics engine = byName.get("routingEngine");
        Statistics naive = byName.get("naiveScan");
        System.out.println();
        System.out.println("B4 routing decision, 10,000 agents, 1,000 waiting (µs per operation)");
        System.out.printf("%-34s %10s %10s %10s %12s%n", "", "p50", "p99", "p99.9", "samples");
        print("engine: enqueue→offer, accept, finish", engine);
        print("naive: scan of 10,000 agents", naive);
        System.out.printf("engine / naive: p50 %.2fx, p99 %.2fx; target p99 ≤ 1000 µs: %s%n",
                engine.getPercentile(50) / naive.getPercentile(50), engine.getPercentile(99) / naive.getPercentile(99),
                engine.getPercentile(99) <= 1000 ? "met" : "NOT met");
    }

    private static void print(String label, Statistics statistics) {
        System.out.printf("%-34s %10.2f %10.2f %10.2f %12d%n", label, statistics.getPercentile(50),
                statistics.getPercentile(99), statistics.getPercentile(99.9), statistics.getN());
    }
}
