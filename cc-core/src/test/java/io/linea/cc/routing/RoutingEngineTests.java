package io.linea.cc.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.linea.cc.routing.RoutingEvent.OfferWithdrawn;
import io.linea.cc.routing.RoutingEvent.Offered;
import io.linea.cc.routing.RoutingEvent.Overflowed;
import io.linea.cc.routing.RoutingEvent.PresenceChanged;

/**
 * The routing engine (ACD-01 … ACD-12) driven with explicit times: every test starts from {@link #T0}
 * and moves time by whole seconds, and asserts the events the engine returns and the state it reports.
 */
class RoutingEngineTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Map<Medium, Integer> ONE_CALL = Map.of(Medium.VOICE, 1);

    private final RoutingEngine engine = new RoutingEngine(ZONE);
    private final UUID tenant = UUID.randomUUID();
    private final UUID supervisor = UUID.randomUUID();
    private final UUID skillX = UUID.randomUUID();
    private final UUID skillY = UUID.randomUUID();
    private final Map<UUID, UUID> tenantOfQueue = new HashMap<>();
    private final Map<UUID, UUID> agentOf = new HashMap<>();

    // --- fixtures ---------------------------------------------------------------------------------------

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private final class Queue {
        private final UUID id = UUID.randomUUID();
        private UUID queueTenant = tenant;
        private final Strategy strategy;
        private int priority;
        private Duration wrapUp = Duration.ZERO;
        private Duration maxWait;
        private int maxLength;
        private Duration stickyWait = Duration.ZERO;
        private Duration fallback;
        private boolean overflowWhenNoAgents;

        Queue(Strategy strategy) {
            this.strategy = strategy;
        }

        Queue tenant(UUID value) {
            queueTenant = value;
            return this;
        }

        Queue priority(int value) {
            priority = value;
            return this;
        }

        Queue wrapUp(long seconds) {
            wrapUp = Duration.ofSeconds(seconds);
            return this;
        }

        Queue maxWait(long seconds) {
            maxWait = Duration.ofSeconds(seconds);
            return this;
        }

        Queue maxLength(int value) {
            maxLength = value;
            return this;
        }

        Queue sticky(long seconds) {
            stickyWait = Duration.ofSeconds(seconds);
            return this;
        }

        Queue fallback(long seconds) {
            fallback = Duration.ofSeconds(seconds);
            return this;
        }

        Queue overflowWhenNoAgents() {
            overflowWhenNoAgents = true;
            return this;
        }

        UUID create() {
            QueueRules rules = new QueueRules(id, queueTenant, strategy, priority, wrapUp, Duration.ofSeconds(15),
                    maxWait, maxLength, stickyWait, fallback, overflowWhenNoAgents);
            assertThat(engine.configure(rules, T0)).isEmpty();
            tenantOfQueue.put(id, queueTenant);
            return id;
        }
    }

    private Queue queue(Strategy strategy) {
        return new Queue(strategy);
    }

    private Queue longestIdle() {
        return queue(Strategy.LONGEST_IDLE);
    }

    private UUID queue() {
        return longestIdle().create();
    }

    /** A person with one agent in {@link #tenant}, who takes one call at a time. */
    private UUID agent() {
        return person(ONE_CALL, false);
    }

    private UUID person(Map<Medium, Integer> capacity, boolean blended) {
        UUID personId = UUID.randomUUID();
        UUID agentId = UUID.randomUUID();
        agentOf.put(personId, agentId);
        engine.register(new AgentPerson(personId, "person", Map.of(tenant, agentId), capacity, blended));
        return personId;
    }

    private List<RoutingEvent> login(UUID personId, UUID queueId, long second) {
        return engine.login(personId, queueId, Map.of(), at(second));
    }

    private List<RoutingEvent> login(UUID personId, UUID queueId, Map<UUID, Integer> skills, long second) {
        return engine.login(personId, queueId, skills, at(second));
    }

    private RoutingTask call(UUID queueId, long enqueuedSecond) {
        return task(queueId, Medium.VOICE, 0, enqueuedSecond, List.of(), null);
    }

    private RoutingTask chat(UUID queueId, long enqueuedSecond) {
        return task(queueId, Medium.CHAT, 0, enqueuedSecond, List.of(), null);
    }

    private RoutingTask task(UUID queueId, Medium medium, int priority, long enqueuedSecond,
            List<SkillRequirement> skills, UUID preferred) {
        return new RoutingTask(UUID.randomUUID(), tenantOfQueue.get(queueId), queueId, medium, priority, skills,
                at(enqueuedSecond), preferred, false);
    }

    /** Enqueues at its own enqueue time. */
    private List<RoutingEvent> enqueue(RoutingTask task) {
        return engine.enqueue(task, task.enqueuedAt());
    }

    /** Accepts at {@code second} and finishes {@code talk} seconds later. */
    private void handle(RoutingTask task, UUID personId, long second, long talk) {
        engine.accepted(task.id(), personId, at(second));
        engine.finished(task.id(), at(second + talk));
    }

    private static List<Offered> offers(List<RoutingEvent> events) {
        return events.stream().filter(Offered.class::isInstance).map(Offered.class::cast).toList();
    }

    /** The one person the events offer something to. */
    private static UUID offeredTo(List<RoutingEvent> events) {
        List<Offered> offers = offers(events);
        assertThat(offers).as("offers in %s", events).hasSize(1);
        return offers.get(0).personId();
    }

    private static List<UUID> offeredPersons(List<RoutingEvent> events) {
        return offers(events).stream().map(Offered::personId).toList();
    }

    private static List<UUID> offeredTasks(List<RoutingEvent> events) {
        return offers(events).stream().map(Offered::taskId).toList();
    }

    private static List<OfferWithdrawn> withdrawals(List<RoutingEvent> events) {
        return events.stream().filter(OfferWithdrawn.class::isInstance).map(OfferWithdrawn.class::cast).toList();
    }

    private static List<Overflowed> overflows(List<RoutingEvent> events) {
        return events.stream().filter(Overflowed.class::isInstance).map(Overflowed.class::cast).toList();
    }

    private static List<PresenceChanged> presenceChanges(List<RoutingEvent> events, UUID personId) {
        return events.stream().filter(PresenceChanged.class::isInstance).map(PresenceChanged.class::cast)
                .filter(change -> change.personId().equals(personId)).toList();
    }

    // --- tests ------------------------------------------------------------------------------------------

    @Nested
    class Strategies {

        @Test
        void longestIdleOffersTheAgentFreeForTheLongestTime() {
            UUID q = queue();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, 0);
            login(bob, q, 1);
            RoutingTask first = call(q, 10);
            assertThat(offeredTo(enqueue(first))).isEqualTo(ana);
            handle(first, ana, 11, 20);

            assertThat(offeredTo(enqueue(call(q, 40)))).as("Ana is idle since 31, Bob since 1").isEqualTo(bob);
        }

        @Test
        void leastTalkTimeOffersTheAgentWhoTalkedLeastTodayOverTheLongerIdle() {
            UUID q = queue(Strategy.LEAST_TALK_TIME).create();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, 0);
            login(bob, q, 1);
            RoutingTask first = call(q, 10);
            assertThat(offeredTo(enqueue(first))).as("equal talk time: longest idle").isEqualTo(ana);
            handle(first, ana, 10, 60);
            RoutingTask second = call(q, 71);
            assertThat(offeredTo(enqueue(second))).isEqualTo(bob);
            handle(second, bob, 71, 30);

            assertThat(offeredTo(enqueue(call(q, 200)))).as("Bob talked 30 s, Ana 60 s though idle longer")
                    .isEqualTo(bob);
        }

        @Test
        void leastTalkTimeStartsAgainAtMidnightInTheEnginesZone() {
            UUID q = queue(Strategy.LEAST_TALK_TIME).create();
            UUID ana = agent();
            UUID bob = agent();
            Instant evening = Instant.parse("2026-03-02T22:00:00Z"); // 23:00 in Berlin
            engine.login(bob, q, Map.of(), evening);
            engine.login(ana, q, Map.of(), evening.plusSeconds(1));
            RoutingTask first = call(q, 0);
            assertThat(offeredTo(engine.enqueue(first, evening.plusSeconds(60)))).isEqualTo(bob);
            engine.accepted(first.id(), bob, evening.plusSeconds(60));
            engine.finished(first.id(), evening.plusSeconds(660));
            RoutingTask second = call(q, 1);
            assertThat(offeredTo(engine.enqueue(second, evening.plusSeconds(700)))).isEqualTo(ana);
            engine.accepted(second.id(), ana, evening.plusSeconds(700));
            engine.finished(second.id(), evening.plusSeconds(760));

            // after midnight in Berlin both talked nothing today: Bob is idle longer, though he talked more
            Instant afterMidnight = Instant.parse("2026-03-02T23:05:00Z");
            assertThat(offeredTo(engine.enqueue(call(q, 2), afterMidnight))).isEqualTo(bob);
        }

        @Test
        void mostSkilledOffersTheHighestSumOfTheRequiredLevels() {
            UUID q = queue(Strategy.MOST_SKILLED).create();
            UUID ana = agent();
            UUID bob = agent();
            UUID cara = agent();
            login(ana, q, Map.of(skillX, 2, skillY, 2), 0);
            login(bob, q, Map.of(skillX, 4, skillY, 1), 1);
            login(cara, q, Map.of(skillX, 5), 2);
            List<SkillRequirement> both = List.of(new SkillRequirement(skillX, 1), new SkillRequirement(skillY, 1));

            assertThat(offeredTo(enqueue(task(q, Medium.VOICE, 0, 10, both, null))))
                    .as("Bob 5, Ana 4, Cara lacks Y").isEqualTo(bob);
        }

        @Test
        void mostSkilledWithoutRequirementsSumsAllTheAgentsSkillsInTheQueue() {
            UUID q = queue(Strategy.MOST_SKILLED).create();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, Map.of(skillX, 3), 0);
            login(bob, q, Map.of(skillX, 2, skillY, 2), 1);

            assertThat(offeredTo(enqueue(call(q, 10)))).isEqualTo(bob);
        }

        @Test
        void mostSkilledBreaksTiesByLongestIdle() {
            UUID q = queue(Strategy.MOST_SKILLED).create();
            UUID ana = agent();
            UUID bob = agent();
            login(bob, q, Map.of(skillX, 3), 0);
            login(ana, q, Map.of(skillX, 3), 1);
            engine.setPresence(bob, Presence.BREAK, "lunch", null, at(2));
            engine.setPresence(bob, Presence.AVAILABLE, null, null, at(3));

            assertThat(offeredTo(enqueue(call(q, 10)))).as("Ana idle since 1, Bob since 3").isEqualTo(ana);
        }

        @Test
        void roundRobinOffersTheNextAfterTheLastOfferedInLoginOrderAndWrapsAround() {
            UUID q = queue(Strategy.ROUND_ROBIN).create();
            UUID ana = agent();
            UUID bob = agent();
            UUID cara = agent();
            login(ana, q, 0);
            login(bob, q, 1);
            login(cara, q, 2);
            engine.setPresence(bob, Presence.BREAK, null, null, at(3));
            engine.setPresence(bob, Presence.AVAILABLE, null, null, at(4));
            RoutingTask first = call(q, 10);
            assertThat(offeredTo(enqueue(first))).isEqualTo(ana);
            handle(first, ana, 10, 5);

            RoutingTask second = call(q, 20);
            assertThat(offeredTo(enqueue(second))).as("next after Ana, although Cara is idle longer").isEqualTo(bob);
            engine.accepted(second.id(), bob, at(20));
            RoutingTask third = call(q, 21);
            assertThat(offeredTo(enqueue(third))).isEqualTo(cara);
            engine.accepted(third.id(), cara, at(21));
            assertThat(offeredTo(enqueue(call(q, 22)))).as("wraps around to Ana").isEqualTo(ana);
        }

        @Test
        void ringAllOffersEveryEligibleAgentAndWithdrawsTheOthersWhenOneAccepts() {
            UUID q = queue(Strategy.RING_ALL).create();
            UUID ana = agent();
            UUID bob = agent();
            UUID cara = agent();
            login(ana, q, 0);
            login(bob, q, 1);
            login(cara, q, 2);
            engine.setPresence(cara, Presence.BREAK, null, null, at(3));
            RoutingTask task = call(q, 10);

            assertThat(offeredPersons(enqueue(task))).containsExactlyInAnyOrder(ana, bob);
            assertThat(engine.presence(bob)).isEqualTo(Presence.RINGING);

            List<RoutingEvent> accepted = engine.accepted(task.id(), bob, at(12));
            assertThat(withdrawals(accepted)).containsExactly(new OfferWithdrawn(task.id(), ana, at(12)));
            assertThat(engine.presence(ana)).isEqualTo(Presence.AVAILABLE);
            assertThat(engine.presence(bob)).isEqualTo(Presence.ON_CALL);
            assertThatThrownBy(() -> engine.accepted(task.id(), ana, at(13))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void ringAllKeepsRingingTheOthersAfterOneDeclinesAndRingsAllAgainWhenAllDeclined() {
            UUID q = queue(Strategy.RING_ALL).create();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, 0);
            login(bob, q, 1);
            RoutingTask task = call(q, 10);
            enqueue(task);

            assertThat(offers(engine.declined(task.id(), ana, at(11)))).isEmpty();
            assertThat(engine.presence(ana)).isEqualTo(Presence.AVAILABLE);
            assertThat(engine.presence(bob)).as("Bob still rings").isEqualTo(Presence.RINGING);
            assertThat(engine.position(task.id())).isZero();

            List<RoutingEvent> allDeclined = engine.declined(task.id(), bob, at(12));
            assertThat(offeredPersons(allDeclined)).containsExactlyInAnyOrder(ana, bob);
        }
    }

    @Nested
    class Skills {

        @Test
        void anAgentBelowTheMinimumLevelIsNotOffered() {
            UUID q = queue();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, Map.of(skillX, 2), 0);
            login(bob, q, Map.of(skillX, 4), 1);

            RoutingTask task = task(q, Medium.VOICE, 0, 10, List.of(new SkillRequirement(skillX, 3)), null);
            assertThat(offeredTo(enqueue(task))).as("Ana is idle longer but has level 2").isEqualTo(bob);
        }

        @Test
        void aTaskNobodyIsSkilledForWaitsAndIsTakenByAnAgentWhoLogsInWithTheSkill() {
            UUID q = queue();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, Map.of(skillY, 5), 0);
            RoutingTask task = task(q, Medium.VOICE, 0, 10, List.of(new SkillRequirement(skillX, 1)), null);

            assertThat(offers(enqueue(task))).isEmpty();
            assertThat(engine.position(task.id())).isEqualTo(1);
            assertThat(offeredTo(login(bob, q, Map.of(skillX, 1), 20))).isEqualTo(bob);
        }

        @Test
        void theFirstFallbackStepLowersEveryMinimumToOne() {
            UUID q = longestIdle().fallback(30).create();
            UUID ana = agent();
            login(ana, q, Map.of(skillX, 2, skillY, 1), 0);
            RoutingTask task = task(q, Medium.VOICE, 0, 10,
                    List.of(new SkillRequirement(skillX, 4), new SkillRequirement(skillY, 3)), null);

            assertThat(offers(enqueue(task))).isEmpty();
            assertThat(engine.nextDeadline()).contains(at(40));
            assertThat(offers(engine.tick(at(39)))).isEmpty();
            assertThat(offeredTo(engine.tick(at(40)))).isEqualTo(ana);
        }

        @Test
        void laterFallbackStepsDropTheLeastImportantRequirementsOneByOne() {
            UUID q = longestIdle().fallback(30).create();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, Map.of(skillX, 1), 0);
            RoutingTask task = task(q, Medium.VOICE, 0, 0,
                    List.of(new SkillRequirement(skillX, 2), new SkillRequirement(skillY, 2)), null);
            enqueue(task);

            assertThat(offers(engine.tick(at(30)))).as("step 1: Ana still lacks Y").isEmpty();
            assertThat(engine.nextDeadline()).contains(at(60));
            assertThat(offeredTo(engine.tick(at(60)))).as("step 2: Y dropped").isEqualTo(ana);

            login(bob, q, Map.of(), 61);
            RoutingTask other = task(q, Medium.VOICE, 0, 62,
                    List.of(new SkillRequirement(skillX, 2), new SkillRequirement(skillY, 2)), null);
            enqueue(other);
            assertThat(offers(engine.tick(at(62 + 60)))).as("step 2: Bob still lacks X").isEmpty();
            assertThat(offeredTo(engine.tick(at(62 + 90)))).as("step 3: nothing required any more").isEqualTo(bob);
            assertThat(engine.nextDeadline()).as("no further step").isEmpty();
        }

        @Test
        void withoutFallbackTheRequirementsNeverWiden() {
            UUID q = queue();
            UUID ana = agent();
            login(ana, q, Map.of(skillX, 1), 0);
            RoutingTask task = task(q, Medium.VOICE, 0, 0, List.of(new SkillRequirement(skillX, 5)), null);

            enqueue(task);
            assertThat(engine.nextDeadline()).isEmpty();
            assertThat(offers(engine.tick(at(3600)))).isEmpty();
        }

        @Test
        void aTaskReEnqueuedAfterARestartResumesAtItsFallbackStep() {
            UUID q = longestIdle().fallback(30).create();
            UUID ana = agent();
            login(ana, q, Map.of(skillX, 1), 0);
            RoutingTask task = task(q, Medium.VOICE, 0, 0, List.of(new SkillRequirement(skillX, 5)), null);

            assertThat(offeredTo(engine.enqueue(task, at(45)))).isEqualTo(ana);
        }
    }

    @Nested
    class Priorities {

        @Test
        void aPriorityCallerOvertakesTheWaitingOnes() {
            UUID q = queue();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask busy = call(q, 1);
            enqueue(busy);
            engine.accepted(busy.id(), ana, at(1));
            RoutingTask early = call(q, 2);
            RoutingTask later = call(q, 3);
            RoutingTask vip = task(q, Medium.VOICE, 5, 4, List.of(), null);
            enqueue(early);
            enqueue(later);
            enqueue(vip);

            assertThat(engine.waiting(q)).containsExactly(vip.id(), early.id(), later.id());
            assertThat(engine.position(early.id())).isEqualTo(2);
            assertThat(offeredTasks(engine.finished(busy.id(), at(10)))).containsExactly(vip.id());
            assertThat(engine.position(early.id())).isEqualTo(1);
        }

        @Test
        void anAgentInSeveralQueuesTakesTheHighestQueuePlusTaskPriority() {
            UUID low = longestIdle().priority(0).create();
            UUID high = longestIdle().priority(3).create();
            UUID ana = agent();
            login(ana, low, 0);
            login(ana, high, 0);
            engine.setPresence(ana, Presence.BREAK, null, null, at(1));
            RoutingTask urgentInLow = task(low, Medium.VOICE, 2, 10, List.of(), null);
            RoutingTask plainInHigh = task(high, Medium.VOICE, 0, 20, List.of(), null);
            RoutingTask urgentInHigh = task(high, Medium.VOICE, 2, 30, List.of(), null);
            enqueue(urgentInLow);
            enqueue(plainInHigh);
            enqueue(urgentInHigh);

            List<UUID> order = new ArrayList<>();
            List<RoutingEvent> events = engine.setPresence(ana, Presence.AVAILABLE, null, null, at(40));
            for (int i = 0; i < 3; i++) {
                UUID offered = offeredTasks(events).get(0);
                order.add(offered);
                engine.accepted(offered, ana, at(41 + i));
                events = engine.finished(offered, at(41 + i));
            }
            assertThat(order).as("sums 3 + 2, 3 + 0, 0 + 2").containsExactly(urgentInHigh.id(), plainInHigh.id(), urgentInLow.id());
        }

        @Test
        void equalSumsAcrossQueuesGoToTheEarlierTask() {
            UUID low = longestIdle().priority(0).create();
            UUID high = longestIdle().priority(2).create();
            UUID ana = agent();
            login(ana, low, 0);
            login(ana, high, 0);
            engine.setPresence(ana, Presence.BREAK, null, null, at(1));
            RoutingTask earlier = task(low, Medium.VOICE, 2, 10, List.of(), null);
            enqueue(task(high, Medium.VOICE, 0, 20, List.of(), null));
            enqueue(earlier);

            assertThat(offeredTasks(engine.setPresence(ana, Presence.AVAILABLE, null, null, at(30))))
                    .containsExactly(earlier.id());
        }
    }

    @Nested
    class StickyAgent {

        @Test
        void waitsForThePreferredAgentAloneThoughAnotherIsFree() {
            UUID q = longestIdle().sticky(20).create();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, 0);
            login(bob, q, 1);
            RoutingTask busy = call(q, 2);
            enqueue(busy);
            engine.accepted(busy.id(), ana, at(2));
            RoutingTask returning = task(q, Medium.VOICE, 0, 10, List.of(), ana);

            assertThat(offers(enqueue(returning))).as("Bob is free but not the one").isEmpty();
            assertThat(engine.nextDeadline()).contains(at(30));
            assertThat(offers(engine.finished(busy.id(), at(15)))).extracting(Offered::taskId, Offered::personId)
                    .containsExactly(tuple(returning.id(), ana));
        }

        @Test
        void goesToTheStrategyWhenTheStickyWaitEnds() {
            UUID q = longestIdle().sticky(20).create();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, 0);
            login(bob, q, 1);
            engine.setPresence(ana, Presence.BREAK, null, null, at(2));
            RoutingTask returning = task(q, Medium.VOICE, 0, 10, List.of(), ana);
            enqueue(returning);

            assertThat(offers(engine.tick(at(29)))).isEmpty();
            assertThat(offeredTo(engine.tick(at(30)))).isEqualTo(bob);
        }

        @Test
        void isSkippedWhenThePreferredAgentIsNotLoggedIn() {
            UUID q = longestIdle().sticky(20).create();
            UUID ana = agent();
            UUID bob = agent();
            login(bob, q, 1);

            assertThat(offeredTo(enqueue(task(q, Medium.VOICE, 0, 10, List.of(), ana)))).isEqualTo(bob);
            assertThat(engine.nextDeadline()).isEmpty();
        }

        @Test
        void endsWhenThePreferredAgentDeclines() {
            UUID q = longestIdle().sticky(20).create();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, 0);
            login(bob, q, 1);
            RoutingTask returning = task(q, Medium.VOICE, 0, 10, List.of(), bob);
            assertThat(offeredTo(enqueue(returning))).as("preferred although Ana is idle longer").isEqualTo(bob);

            assertThat(offeredTo(engine.declined(returning.id(), bob, at(12)))).isEqualTo(ana);
        }
    }

    @Nested
    class WrapUp {

        @Test
        void blocksTheAgentUntilTickReleasesThem() {
            UUID q = longestIdle().wrapUp(30).create();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask first = call(q, 1);
            enqueue(first);
            engine.accepted(first.id(), ana, at(2));

            List<RoutingEvent> finished = engine.finished(first.id(), at(10));
            assertThat(presenceChanges(finished, ana)).extracting(PresenceChanged::from, PresenceChanged::to)
                    .containsExactly(tuple(Presence.ON_CALL, Presence.WRAP_UP));
            RoutingTask second = call(q, 15);
            assertThat(offers(enqueue(second))).isEmpty();
            assertThat(engine.nextDeadline()).contains(at(40));
            assertThat(engine.tick(at(39))).isEmpty();

            List<RoutingEvent> released = engine.tick(at(40));
            assertThat(presenceChanges(released, ana)).extracting(PresenceChanged::to)
                    .containsExactly(Presence.AVAILABLE, Presence.RINGING);
            assertThat(offeredTasks(released)).containsExactly(second.id());
        }

        @Test
        void aTransferredCallBusiesItsNewAgentAndSendsTheFirstToWrapUp() { // AGT-03
            UUID q = longestIdle().wrapUp(30).create();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, 0);
            RoutingTask first = call(q, 1);
            enqueue(first);
            engine.accepted(first.id(), ana, at(2));
            login(bob, q, 3);

            List<RoutingEvent> moved = engine.transferred(first.id(), bob, at(10));
            assertThat(presenceChanges(moved, ana)).extracting(PresenceChanged::to).containsExactly(Presence.WRAP_UP);
            assertThat(presenceChanges(moved, bob)).extracting(PresenceChanged::to).containsExactly(Presence.ON_CALL);
            assertThat(engine.wrapUpUntil(ana)).as("the countdown the agent sees").contains(at(40));
            assertThat(engine.wrapUpUntil(bob)).isEmpty();
            RoutingTask second = call(q, 12);
            assertThat(offers(enqueue(second))).as("both are busy: one in wrap-up, one on the call").isEmpty();

            assertThat(offeredTasks(engine.tick(at(40)))).as("the first agent's wrap-up ended")
                    .containsExactly(second.id());
            List<RoutingEvent> done = engine.finished(first.id(), at(50));
            assertThat(presenceChanges(done, bob)).extracting(PresenceChanged::to).containsExactly(Presence.WRAP_UP);
            assertThatThrownBy(() -> engine.transferred(second.id(), bob, at(51)))
                    .as("an offered call is answered, not transferred").isInstanceOf(IllegalStateException.class);
        }

        @Test
        void readyEndsItEarly() {
            UUID q = longestIdle().wrapUp(30).create();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask first = call(q, 1);
            enqueue(first);
            handle(first, ana, 2, 8);
            RoutingTask second = call(q, 12);
            enqueue(second);

            assertThat(offeredTasks(engine.ready(ana, at(15)))).containsExactly(second.id());
            assertThat(engine.nextDeadline()).as("the wrap-up end is no longer due").isEmpty();
            assertThat(engine.tick(at(40))).isEmpty();
        }

        @Test
        void zeroWrapUpFreesTheAgentAtOnce() {
            UUID q = queue();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask first = call(q, 1);
            enqueue(first);
            engine.accepted(first.id(), ana, at(2));

            assertThat(presenceChanges(engine.finished(first.id(), at(10)), ana)).extracting(PresenceChanged::to)
                    .containsExactly(Presence.AVAILABLE);
            assertThat(engine.nextDeadline()).isEmpty();
        }

        @Test
        void blocksEveryMediumEvenWithCapacityLeft() {
            UUID voice = longestIdle().wrapUp(30).create();
            UUID chats = queue();
            UUID ana = person(Map.of(Medium.VOICE, 1, Medium.CHAT, 2), true);
            login(ana, voice, 0);
            login(ana, chats, 0);
            RoutingTask call = call(voice, 1);
            enqueue(call);
            handle(call, ana, 2, 10);

            assertThat(offers(enqueue(chat(chats, 13)))).isEmpty();
            assertThat(offers(engine.tick(at(42)))).hasSize(1);
        }
    }

    @Nested
    class Capacity {

        @Test
        void aChatGoesToASecondAgentWhileTheFirstIsOnACallWhenNotBlended() {
            UUID q = queue();
            UUID ana = person(Map.of(Medium.VOICE, 1, Medium.CHAT, 2), false);
            UUID bob = person(Map.of(Medium.CHAT, 2), false);
            login(ana, q, 0);
            login(bob, q, 1);
            RoutingTask call = call(q, 2);
            enqueue(call);
            engine.accepted(call.id(), ana, at(3));
            RoutingTask first = chat(q, 4);
            assertThat(offeredTo(enqueue(first))).isEqualTo(bob);
            engine.accepted(first.id(), bob, at(5));

            assertThat(offeredTo(enqueue(chat(q, 6)))).as("Ana has the same load and is idle longer, but on a call")
                    .isEqualTo(bob);
        }

        @Test
        void aChatGoesToTheSameAgentOnACallWhenBlended() {
            UUID q = queue();
            UUID ana = person(Map.of(Medium.VOICE, 1, Medium.CHAT, 2), true);
            login(ana, q, 0);
            RoutingTask call = call(q, 2);
            enqueue(call);
            engine.accepted(call.id(), ana, at(3));

            assertThat(offeredTo(enqueue(chat(q, 4)))).isEqualTo(ana);
            assertThat(engine.presence(ana)).as("the call shows, not the ringing chat").isEqualTo(Presence.ON_CALL);
        }

        @Test
        void upToNChatsAtOnceThenTheNextWaitsForAFreeSlot() {
            UUID q = queue();
            UUID ana = person(Map.of(Medium.CHAT, 3), false);
            login(ana, q, 0);
            List<RoutingTask> chats = List.of(chat(q, 1), chat(q, 2), chat(q, 3), chat(q, 4));
            for (RoutingTask chat : chats.subList(0, 3)) {
                assertThat(offeredTo(enqueue(chat))).isEqualTo(ana);
                engine.accepted(chat.id(), ana, chat.enqueuedAt());
            }
            assertThat(engine.presence(ana)).isEqualTo(Presence.CHATTING);

            assertThat(offers(enqueue(chats.get(3)))).isEmpty();
            assertThat(offeredTasks(engine.finished(chats.get(0).id(), at(20)))).containsExactly(chats.get(3).id());
        }

        @Test
        void oneLoginLeadsToAsManyOffersAsTheCapacityAllows() {
            UUID q = queue();
            UUID ana = person(Map.of(Medium.CHAT, 3), false);
            List<RoutingTask> chats = List.of(chat(q, 1), chat(q, 2), chat(q, 3), chat(q, 4));
            chats.forEach(RoutingEngineTests.this::enqueue);

            assertThat(offeredTasks(login(ana, q, 5))).containsExactly(chats.get(0).id(), chats.get(1).id(),
                    chats.get(2).id());
            assertThat(engine.waiting(q)).containsExactly(chats.get(3).id());
        }

        @Test
        void noCallIsOfferedWhileChattingWhenNotBlended() {
            UUID q = queue();
            UUID ana = person(Map.of(Medium.VOICE, 1, Medium.CHAT, 2), false);
            login(ana, q, 0);
            RoutingTask chat = chat(q, 1);
            enqueue(chat);
            engine.accepted(chat.id(), ana, at(2));
            RoutingTask call = call(q, 3);

            assertThat(offers(enqueue(call))).isEmpty();
            assertThat(offeredTasks(engine.finished(chat.id(), at(10)))).containsExactly(call.id());
        }

        @Test
        void aPendingOfferTakesCapacity() {
            UUID q = queue();
            UUID ana = agent();
            login(ana, q, 0);
            enqueue(call(q, 1));

            assertThat(engine.presence(ana)).isEqualTo(Presence.RINGING);
            assertThat(offers(enqueue(call(q, 2)))).isEmpty();
        }

        @Test
        void aMediumMissingFromTheCapacityIsNeverOffered() {
            UUID q = queue();
            UUID ana = agent();
            login(ana, q, 0);

            assertThat(offers(enqueue(task(q, Medium.EMAIL, 0, 1, List.of(), null)))).isEmpty();
        }

        @Test
        void aLargerCapacityFromRegisterIsUsedByTheNextCall() {
            UUID q = queue();
            UUID ana = person(Map.of(Medium.CHAT, 1), false);
            login(ana, q, 0);
            enqueue(chat(q, 1));
            RoutingTask second = chat(q, 2);
            assertThat(offers(enqueue(second))).isEmpty();

            engine.register(new AgentPerson(ana, "Ana", Map.of(tenant, agentOf.get(ana)), Map.of(Medium.CHAT, 2),
                    false));
            assertThat(offeredTasks(engine.tick(at(3)))).containsExactly(second.id());
        }
    }

    @Nested
    class PresenceChanges {

        @Test
        void theFirstLoginMakesAPersonAvailableAndTheNextDoesNotChangeIt() {
            UUID first = queue();
            UUID second = queue();
            UUID ana = agent();

            assertThat(presenceChanges(login(ana, first, 0), ana)).containsExactly(
                    new PresenceChanged(ana, Presence.LOGGED_OUT, Presence.AVAILABLE, null, null, at(0)));
            assertThat(login(ana, second, 1)).isEmpty();
            assertThat(engine.presence(ana)).isEqualTo(Presence.AVAILABLE);
        }

        @Test
        void aSupervisorForcingABreakWithdrawsThePendingOfferWhichGoesToAnother() {
            UUID q = queue();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, 0);
            login(bob, q, 1);
            RoutingTask task = call(q, 10);
            enqueue(task);

            List<RoutingEvent> forced = engine.setPresence(ana, Presence.BREAK, "coaching", supervisor, at(12));
            assertThat(forced).containsExactly(new OfferWithdrawn(task.id(), ana, at(12)),
                    new PresenceChanged(ana, Presence.RINGING, Presence.BREAK, "coaching", supervisor, at(12)),
                    new Offered(task.id(), tenant, q, Medium.VOICE, bob, agentOf.get(bob), false, at(12)),
                    new PresenceChanged(bob, Presence.AVAILABLE, Presence.RINGING, null, null, at(12)));
        }

        @Test
        void aSupervisorBringingAnAgentBackIsNamedAndTheAgentIsOfferedWork() {
            UUID q = queue();
            UUID ana = agent();
            login(ana, q, 0);
            engine.setPresence(ana, Presence.BREAK, "lunch", null, at(1));
            RoutingTask task = call(q, 2);
            enqueue(task);

            List<RoutingEvent> back = engine.setPresence(ana, Presence.AVAILABLE, null, supervisor, at(3));
            assertThat(presenceChanges(back, ana)).first()
                    .isEqualTo(new PresenceChanged(ana, Presence.BREAK, Presence.AVAILABLE, null, supervisor, at(3)));
            assertThat(offeredTasks(back)).containsExactly(task.id());
        }

        @Test
        void aBreakAskedForDuringACallStartsAfterTheWrapUp() {
            UUID q = longestIdle().wrapUp(20).create();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask first = call(q, 1);
            enqueue(first);
            engine.accepted(first.id(), ana, at(2));

            assertThat(engine.setPresence(ana, Presence.BREAK, "lunch", supervisor, at(5))).isEmpty();
            assertThat(engine.presence(ana)).isEqualTo(Presence.ON_CALL);
            RoutingTask second = call(q, 6);
            enqueue(second);
            assertThat(presenceChanges(engine.finished(first.id(), at(10)), ana)).extracting(PresenceChanged::to)
                    .containsExactly(Presence.WRAP_UP);

            List<RoutingEvent> wrapUpOver = engine.tick(at(30));
            assertThat(wrapUpOver).containsExactly(
                    new PresenceChanged(ana, Presence.WRAP_UP, Presence.BREAK, "lunch", supervisor, at(30)));
            assertThat(engine.position(second.id())).isEqualTo(1);
        }

        @Test
        void availableDuringACallCancelsABreakAskedForEarlier() {
            UUID q = queue();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask first = call(q, 1);
            enqueue(first);
            engine.accepted(first.id(), ana, at(2));
            engine.setPresence(ana, Presence.BREAK, "lunch", null, at(3));
            engine.setPresence(ana, Presence.AVAILABLE, null, null, at(4));

            assertThat(presenceChanges(engine.finished(first.id(), at(10)), ana)).extracting(PresenceChanged::to)
                    .containsExactly(Presence.AVAILABLE);
        }

        @Test
        void aLogOutDuringACallLeavesTheQueuesOnlyWhenTheCallEnds() {
            UUID q = queue();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask first = call(q, 1);
            enqueue(first);
            engine.accepted(first.id(), ana, at(2));

            engine.setPresence(ana, Presence.LOGGED_OUT, null, null, at(3));
            assertThat(engine.snapshot(q, at(3)).loggedIn()).isEqualTo(1);
            assertThat(offers(enqueue(call(q, 4)))).isEmpty();

            List<RoutingEvent> ended = engine.finished(first.id(), at(10));
            assertThat(presenceChanges(ended, ana)).extracting(PresenceChanged::to).containsExactly(Presence.LOGGED_OUT);
            assertThat(engine.snapshot(q, at(10)).loggedIn()).isZero();
        }

        @Test
        void leavingTheLastQueueLogsThePersonOut() {
            UUID first = queue();
            UUID second = queue();
            UUID ana = agent();
            login(ana, first, 0);
            login(ana, second, 0);

            assertThat(engine.logout(ana, first, at(1))).isEmpty();
            assertThat(presenceChanges(engine.logout(ana, second, at(2)), ana)).extracting(PresenceChanged::to)
                    .containsExactly(Presence.LOGGED_OUT);
        }

        @Test
        void derivedStatesCannotBeChosenAndAPersonNeedsAnAgentInTheQueuesTenant() {
            UUID q = queue();
            UUID elsewhere = longestIdle().tenant(UUID.randomUUID()).create();
            UUID ana = agent();
            login(ana, q, 0);

            assertThatThrownBy(() -> engine.setPresence(ana, Presence.ON_CALL, null, null, at(1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> login(ana, elsewhere, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> login(ana, q, Map.of(skillX, 6), 1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(engine.presence(ana)).isEqualTo(Presence.AVAILABLE);
        }
    }

    @Nested
    class Offers {

        @Test
        void acceptingATaskNotOfferedToThePersonFails() {
            UUID q = queue();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, 0);
            login(bob, q, 1);
            RoutingTask task = call(q, 2);
            enqueue(task);

            assertThatThrownBy(() -> engine.accepted(task.id(), bob, at(3))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> engine.accepted(UUID.randomUUID(), ana, at(3)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(engine.presence(ana)).isEqualTo(Presence.RINGING);
        }

        @Test
        void aDeclinedTaskGoesToTheNextAgentAndAfterEveryoneDeclinedToTheFirstAgain() {
            UUID q = queue();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, 0);
            login(bob, q, 1);
            RoutingTask task = call(q, 2);
            assertThat(offeredTo(enqueue(task))).isEqualTo(ana);

            List<RoutingEvent> anaDeclined = engine.declined(task.id(), ana, at(3));
            assertThat(offeredTo(anaDeclined)).isEqualTo(bob);
            assertThat(presenceChanges(anaDeclined, ana)).extracting(PresenceChanged::to)
                    .containsExactly(Presence.AVAILABLE);
            assertThat(offeredTo(engine.declined(task.id(), bob, at(4)))).as("a new round").isEqualTo(ana);
        }

        @Test
        void aDeclinerIsOfferedOtherWorkWhileTheTaskWaitsForAnAgentWhoHasNotDeclined() {
            UUID q = queue();
            UUID ana = agent();
            UUID bob = agent();
            login(bob, q, 0);
            login(ana, q, 1);
            RoutingTask bobsCall = call(q, 2);
            enqueue(bobsCall);
            engine.accepted(bobsCall.id(), bob, at(2));
            RoutingTask first = call(q, 3);
            RoutingTask second = call(q, 4);
            enqueue(first);
            enqueue(second);

            assertThat(offeredTasks(engine.declined(first.id(), ana, at(5)))).containsExactly(second.id());
            assertThat(engine.waiting(q)).containsExactly(first.id());
            assertThat(offers(engine.finished(bobsCall.id(), at(6)))).extracting(Offered::taskId, Offered::personId)
                    .containsExactly(tuple(first.id(), bob));
        }

        @Test
        void aLoneAgentWhoDeclinesIsOfferedTheTaskAgain() {
            UUID q = queue();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask task = call(q, 1);
            enqueue(task);

            assertThat(offeredTasks(engine.declined(task.id(), ana, at(2)))).containsExactly(task.id());
        }

        @Test
        void theRoundStartsOverWhenTheOnlyAgentWhoHasNotDeclinedGoesOnABreak() {
            UUID q = queue();
            UUID ana = agent();
            UUID bob = agent();
            login(bob, q, 0);
            login(ana, q, 1);
            RoutingTask bobsCall = call(q, 2);
            enqueue(bobsCall);
            engine.accepted(bobsCall.id(), bob, at(2));
            RoutingTask task = call(q, 3);
            enqueue(task);
            assertThat(offers(engine.declined(task.id(), ana, at(4)))).isEmpty();

            assertThat(offers(engine.setPresence(bob, Presence.BREAK, null, null, at(5))))
                    .extracting(Offered::taskId, Offered::personId)
                    .containsExactly(tuple(task.id(), ana));
        }

        @Test
        void cancellingWithdrawsEveryPendingOffer() {
            UUID q = queue(Strategy.RING_ALL).create();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, 0);
            login(bob, q, 1);
            RoutingTask task = call(q, 2);
            enqueue(task);

            List<RoutingEvent> cancelled = engine.cancel(task.id(), at(3));
            assertThat(withdrawals(cancelled)).extracting(OfferWithdrawn::personId).containsExactlyInAnyOrder(ana, bob);
            assertThat(engine.presence(ana)).isEqualTo(Presence.AVAILABLE);
            assertThat(engine.snapshot(q, at(3)).available()).isEqualTo(2);
        }

        @Test
        void cancellingAWaitingTaskTakesItOutOfTheQueue() {
            UUID q = queue();
            RoutingTask first = call(q, 1);
            RoutingTask second = call(q, 2);
            enqueue(first);
            enqueue(second);

            assertThat(engine.cancel(first.id(), at(3))).isEmpty();
            assertThat(engine.waiting(q)).containsExactly(second.id());
            assertThat(engine.position(second.id())).isEqualTo(1);
        }

        @Test
        void unknownIdsAreIgnoredButAnAcceptedTaskIsFinishedNotCancelled() {
            UUID q = queue();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask task = call(q, 1);
            enqueue(task);
            engine.accepted(task.id(), ana, at(2));

            assertThat(engine.cancel(UUID.randomUUID(), at(3))).isEmpty();
            assertThat(engine.finished(UUID.randomUUID(), at(3))).isEmpty();
            assertThat(engine.declined(UUID.randomUUID(), ana, at(3))).isEmpty();
            assertThatThrownBy(() -> engine.cancel(task.id(), at(3))).isInstanceOf(IllegalStateException.class);
            assertThat(engine.finished(task.id(), at(4))).isNotEmpty();
            assertThat(engine.finished(task.id(), at(5))).as("finished twice").isEmpty();
        }

        @Test
        void anOfferCarriesTheTaskAndTheAgentOfItsTenant() {
            UUID q = queue();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask callback = new RoutingTask(UUID.randomUUID(), tenant, q, Medium.VOICE, 0, List.of(), at(1),
                    null, true);

            assertThat(enqueue(callback)).first().isEqualTo(
                    new Offered(callback.id(), tenant, q, Medium.VOICE, ana, agentOf.get(ana), true, at(1)));
        }
    }

    @Nested
    class Overflow {

        @Test
        void aFullQueueRefusesTheNextTask() {
            UUID q = longestIdle().maxLength(2).create();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask ringing = call(q, 1);
            RoutingTask waiting = call(q, 2);
            enqueue(ringing);
            enqueue(waiting);
            RoutingTask third = call(q, 3);

            assertThat(enqueue(third)).containsExactly(
                    new Overflowed(third.id(), tenant, q, OverflowReason.QUEUE_FULL, at(3)));
            assertThat(engine.waiting(q)).containsExactly(waiting.id());
            assertThat(engine.position(third.id())).isZero();
        }

        @Test
        void aTaskThatWaitedTheMaximumOverflowsInTickAfterItsOfferIsWithdrawn() {
            UUID q = longestIdle().maxWait(60).create();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask task = call(q, 10);
            enqueue(task);
            assertThat(engine.nextDeadline()).contains(at(70));

            assertThat(engine.tick(at(69))).isEmpty();
            assertThat(engine.tick(at(70))).containsExactly(new OfferWithdrawn(task.id(), ana, at(70)),
                    new PresenceChanged(ana, Presence.RINGING, Presence.AVAILABLE, null, null, at(70)),
                    new Overflowed(task.id(), tenant, q, OverflowReason.TIMEOUT, at(70)));
            assertThatThrownBy(() -> engine.accepted(task.id(), ana, at(71))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void anAcceptedTaskNoLongerTimesOut() {
            UUID q = longestIdle().maxWait(60).create();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask task = call(q, 10);
            enqueue(task);
            engine.accepted(task.id(), ana, at(20));

            assertThat(engine.tick(at(100))).isEmpty();
            assertThat(engine.presence(ana)).isEqualTo(Presence.ON_CALL);
        }

        @Test
        void aQueueWithNobodyLoggedInRefusesTasksWhenItOverflowsWithoutAgents() {
            UUID q = longestIdle().overflowWhenNoAgents().create();
            RoutingTask task = call(q, 1);

            assertThat(overflows(enqueue(task))).extracting(Overflowed::reason).containsExactly(OverflowReason.NO_AGENTS);
            assertThat(engine.waiting(q)).isEmpty();
        }

        @Test
        void aQueueWithoutThatRuleKeepsTasksWhileNobodyIsLoggedIn() {
            UUID q = queue();
            RoutingTask task = call(q, 1);

            assertThat(enqueue(task)).isEmpty();
            assertThat(engine.waiting(q)).containsExactly(task.id());
        }

        @Test
        void theLastAgentLoggingOutOverflowsTheWaitingTasks() {
            UUID q = longestIdle().overflowWhenNoAgents().create();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask ringing = call(q, 1);
            RoutingTask waiting = call(q, 2);
            enqueue(ringing);
            enqueue(waiting);

            List<RoutingEvent> loggedOut = engine.setPresence(ana, Presence.LOGGED_OUT, null, null, at(3));
            assertThat(withdrawals(loggedOut)).extracting(OfferWithdrawn::taskId).containsExactly(ringing.id());
            assertThat(overflows(loggedOut)).extracting(Overflowed::taskId, Overflowed::reason).containsExactlyInAnyOrder(
                    tuple(ringing.id(), OverflowReason.NO_AGENTS),
                    tuple(waiting.id(), OverflowReason.NO_AGENTS));
            assertThat(engine.presence(ana)).isEqualTo(Presence.LOGGED_OUT);
        }

        @Test
        void removingAQueueClosesItsTasksAndItsAgentsLeaveIt() {
            UUID q = queue();
            UUID other = queue();
            UUID ana = agent();
            login(ana, q, 0);
            login(ana, other, 0);
            RoutingTask ringing = call(q, 1);
            RoutingTask waiting = call(q, 2);
            enqueue(ringing);
            enqueue(waiting);
            RoutingTask elsewhere = call(other, 3);
            enqueue(elsewhere);

            List<RoutingEvent> removed = engine.removeQueue(q, at(4));
            assertThat(overflows(removed)).extracting(Overflowed::reason)
                    .containsExactly(OverflowReason.CLOSED, OverflowReason.CLOSED);
            assertThat(offeredTasks(removed)).as("Ana is free for her other queue").containsExactly(elsewhere.id());
            assertThatThrownBy(() -> enqueue(call(q, 5))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void enqueueingIntoAnUnknownQueueFails() {
            assertThatThrownBy(() -> engine.enqueue(new RoutingTask(UUID.randomUUID(), tenant, UUID.randomUUID(),
                    Medium.VOICE, 0, List.of(), at(0), null, false), at(0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class MultiTenant {

        @Test
        void aPersonIsOfferedTasksOfBothTenantsAsTheRightAgentButNeverTwoCallsAtOnce() {
            UUID otherTenant = UUID.randomUUID();
            UUID mine = queue();
            UUID theirs = longestIdle().tenant(otherTenant).create();
            UUID ana = UUID.randomUUID();
            UUID anaHere = UUID.randomUUID();
            UUID anaThere = UUID.randomUUID();
            engine.register(new AgentPerson(ana, "Ana", Map.of(tenant, anaHere, otherTenant, anaThere), ONE_CALL,
                    false));
            login(ana, mine, 0);
            login(ana, theirs, 0);
            RoutingTask here = call(mine, 1);
            RoutingTask there = call(theirs, 2);

            assertThat(offers(enqueue(here))).extracting(Offered::agentId, Offered::tenantId)
                    .containsExactly(tuple(anaHere, tenant));
            assertThat(offers(enqueue(there))).isEmpty();
            engine.accepted(here.id(), ana, at(3));
            assertThat(engine.snapshot(theirs, at(3)).busy()).isEqualTo(1);

            assertThat(offers(engine.finished(here.id(), at(10)))).extracting(Offered::taskId, Offered::agentId)
                    .containsExactly(tuple(there.id(), anaThere));
        }

        @Test
        void aTaskOfAnotherTenantCannotJoinAQueue() {
            UUID q = queue();
            RoutingTask foreign = new RoutingTask(UUID.randomUUID(), UUID.randomUUID(), q, Medium.VOICE, 0, List.of(),
                    at(0), null, false);

            assertThatThrownBy(() -> engine.enqueue(foreign, at(0))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Recovery {

        @Test
        void aRestoredInteractionTakesTheAgentsCapacityWithoutEvents() {
            UUID q = longestIdle().wrapUp(0).create();
            UUID ana = agent();
            login(ana, q, 0);
            RoutingTask ongoing = call(q, -120);
            engine.restore(ongoing, ana, at(-100));
            assertThat(engine.presence(ana)).isEqualTo(Presence.ON_CALL);

            RoutingTask next = call(q, 1);
            assertThat(offers(enqueue(next))).isEmpty();
            assertThat(offeredTasks(engine.finished(ongoing.id(), at(5)))).containsExactly(next.id());
        }

        @Test
        void reEnqueuedTasksKeepTheirOriginalOrder() {
            UUID q = queue();
            RoutingTask first = call(q, -30);
            RoutingTask second = call(q, -20);
            RoutingTask third = call(q, -10);
            engine.enqueue(third, at(0));
            engine.enqueue(first, at(0));
            engine.enqueue(second, at(0));

            assertThat(engine.waiting(q)).containsExactly(first.id(), second.id(), third.id());
            UUID ana = agent();
            assertThat(offeredTasks(login(ana, q, 1))).containsExactly(first.id());
        }

        @Test
        void aReEnqueuedTaskKeepsItsMaximumWaitFromItsOriginalTime() {
            UUID q = longestIdle().maxWait(60).create();
            RoutingTask overdue = call(q, -70);
            RoutingTask late = call(q, -50);

            assertThat(overflows(engine.enqueue(overdue, at(0)))).extracting(Overflowed::reason)
                    .containsExactly(OverflowReason.TIMEOUT);
            engine.enqueue(late, at(0));
            assertThat(engine.nextDeadline()).contains(at(10));
        }
    }

    @Nested
    class Deadlines {

        @Test
        void theNextDeadlineIsTheEarliestOfWrapUpStickyFallbackAndMaximumWait() {
            UUID q = longestIdle().wrapUp(50).sticky(40).fallback(30).maxWait(100).create();
            UUID ana = agent();
            UUID bob = agent();
            login(ana, q, Map.of(skillX, 3), 0);
            login(bob, q, 0);
            RoutingTask first = call(q, 0);
            enqueue(first);
            handle(first, ana, 0, 5);
            engine.setPresence(bob, Presence.BREAK, null, null, at(6));
            assertThat(engine.nextDeadline()).as("ana's wrap-up").contains(at(55));

            enqueue(task(q, Medium.VOICE, 0, 10, List.of(new SkillRequirement(skillX, 3)), ana));
            assertThat(engine.nextDeadline()).as("the first fallback step").contains(at(40));
            engine.tick(at(40));
            assertThat(engine.nextDeadline()).as("the sticky wait").contains(at(50));
            engine.tick(at(50));
            assertThat(engine.nextDeadline()).as("ana's wrap-up").contains(at(55));
            assertThat(offers(engine.tick(at(55)))).as("she takes it; its maximum wait still counts").hasSize(1);
            assertThat(engine.nextDeadline()).as("the second fallback step").contains(at(70));
            engine.tick(at(70));
            assertThat(engine.nextDeadline()).as("the maximum wait").contains(at(110));
            assertThat(overflows(engine.tick(at(110)))).hasSize(1);
            assertThat(engine.nextDeadline()).isEmpty();
        }

        @Test
        void aQueueReconfiguredWithAShorterMaximumWaitMovesTheDeadline() {
            UUID q = longestIdle().maxWait(100).create();
            RoutingTask task = call(q, 0);
            enqueue(task);
            assertThat(engine.nextDeadline()).contains(at(100));

            engine.configure(new QueueRules(q, tenant, Strategy.LONGEST_IDLE, 0, Duration.ZERO, Duration.ofSeconds(15),
                    Duration.ofSeconds(30), 0, Duration.ZERO, null, false), at(10));
            assertThat(engine.nextDeadline()).contains(at(30));
            assertThat(overflows(engine.tick(at(30)))).extracting(Overflowed::taskId).containsExactly(task.id());
        }
    }

    @Nested
    class Snapshots {

        @Test
        void aSnapshotCountsWaitingLoggedInAvailableBusyAndTheLongestWait() {
            UUID q = longestIdle().wrapUp(60).create();
            UUID ana = agent();
            UUID bob = agent();
            UUID cara = agent();
            UUID dan = agent();
            login(ana, q, 0);
            login(bob, q, 0);
            login(cara, q, 0);
            login(dan, q, 0);
            engine.setPresence(dan, Presence.BREAK, null, null, at(1));
            RoutingTask first = call(q, 2);
            RoutingTask second = call(q, 3);
            enqueue(first);
            enqueue(second);
            handle(first, ana, 4, 6);
            engine.accepted(second.id(), bob, at(11));
            engine.setPresence(cara, Presence.BREAK, null, null, at(12));
            enqueue(call(q, 13));
            enqueue(call(q, 14));
            engine.setPresence(cara, Presence.AVAILABLE, null, null, at(15));

            assertThat(engine.snapshot(q, at(20))).isEqualTo(
                    new QueueSnapshot(q, 1, 4, 0, 3, Duration.ofSeconds(7)));
        }
    }
}
