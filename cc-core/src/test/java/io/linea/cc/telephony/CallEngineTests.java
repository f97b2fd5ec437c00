package io.linea.cc.telephony;

import static io.linea.cc.telephony.CallEngineHarness.ANA;
import static io.linea.cc.telephony.CallEngineHarness.BOB;
import static io.linea.cc.telephony.CallEngineHarness.CALLER;
import static io.linea.cc.telephony.CallEngineHarness.CARA;
import static io.linea.cc.telephony.CallEngineHarness.CARRIER;
import static io.linea.cc.telephony.CallEngineHarness.NODE;
import static io.linea.cc.telephony.CallEngineHarness.NUMBER;
import static io.linea.cc.telephony.CallEngineHarness.OTHER_NUMBER;
import static io.linea.cc.telephony.CallEngineHarness.OTHER_TENANT;
import static io.linea.cc.telephony.CallEngineHarness.START;
import static io.linea.cc.telephony.CallEngineHarness.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.linea.cc.provisioning.AgentReach;
import io.linea.cc.provisioning.AgentTarget;
import io.linea.cc.provisioning.CallerNumber;
import io.linea.cc.provisioning.NumberRoute;
import io.linea.cc.provisioning.NumberType;
import io.linea.cc.provisioning.RouteTarget;
import io.linea.cc.telephony.CallEngineHarness.FakeControl.Originate;
import io.linea.cc.telephony.CallEngineHarness.FakeDirectory.CallEnded;
import io.linea.cc.telephony.CallEngineHarness.RecordingRecorder.Answered;
import io.linea.cc.telephony.CallEngineHarness.RecordingRecorder.Ended;
import io.linea.cc.telephony.CallEngineHarness.RecordingRecorder.Event;
import io.linea.cc.telephony.CallEngineHarness.RecordingRecorder.Opened;
import io.linea.cc.telephony.CallEngineHarness.RecordingRecorder.Operational;
import io.linea.cc.telephony.CallEngineHarness.RecordingRecorder.Ringing;
import io.linea.cc.telephony.SwitchEvent.NodeConnected;
import io.linea.cc.telephony.SwitchEvent.PlaybackDone;
import io.linea.platform.problem.LineaProblemException;

/**
 * The first call path of {@link CallEngine} (TEL-01, TEL-04, TEL-05) against a recording fake node:
 * no Spring, no Asterisk. Each test feeds switch events with the fake clock's time, drains the engine
 * and asserts the exact ARI requests and recorded interaction steps.
 */
class CallEngineTests {

    private static final Duration RING_PAUSE = Duration.ofMillis(50);

    private CallEngineHarness h;

    @BeforeEach
    void start() {
        h = new CallEngineHarness();
        h.directory.agents(TENANT, ANA, BOB);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static Map<String, String> variables(UUID interactionId) {
        return Map.of(CallEngine.TENANT_VARIABLE, TENANT.toString(), CallEngine.INTERACTION_VARIABLE,
                interactionId.toString());
    }

    /** Requests the node received from {@code from} on. */
    private List<String> opsSince(int from) {
        return h.control.ops.subList(from, h.control.ops.size());
    }

    /** An inbound call talking with Ana: returns [caller channel, Ana's channel]. */
    private String[] talkingWithAna() {
        String caller = h.callWaiting();
        Originate leg = h.awaitOriginate(1);
        assertThat(leg.endpoint()).isEqualTo("PJSIP/ep-ana");
        h.answer(leg);
        return new String[] { caller, leg.channelId() };
    }

    /** TEL-01: a carrier call to a tenant number becomes an interaction of that tenant and is greeted. */
    @Nested
    class Numbers {

        @Test
        void unknownNumberIsRejectedAsUnallocatedWithoutAnInteraction() {
            String caller = h.callIn("+18005550199");

            assertThat(h.control.ops).containsExactly("hangup " + caller + " UNALLOCATED");
            List<Operational> operational = h.recorder.of(Operational.class);
            assertThat(operational).extracting(Operational::kind).containsExactly("NODE_CONNECTED", "UNKNOWN_NUMBER");
            assertThat(operational.getLast().node()).isEqualTo(NODE);
            assertThat(operational.getLast().detail()).contains("+18005550199").contains(CALLER);
            assertThat(h.recorder.of(Opened.class)).isEmpty();
            assertThat(h.engine.activeCalls()).isZero();
        }

        @Test
        void dialledDigitsWithoutPlusRouteLikeE164() {
            h.callIn("18005550100");
            h.callIn("1 800 555 0199");

            Opened opened = h.recorder.of(Opened.class).getFirst();
            assertThat(opened.tenantId()).isEqualTo(TENANT);
            assertThat(opened.interaction().view().tenantNumber()).isEqualTo(NUMBER);
            assertThat(h.recorder.of(Opened.class)).hasSize(1);
            assertThat(h.recorder.of(Operational.class).getLast().detail()).contains("+18005550199");
            assertThat(h.control.hangups()).containsExactly("hangup caller-2 UNALLOCATED");
        }

        @Test
        void knownNumberOpensAnInteractionSetsTheChannelVariablesAnswersAndGreetsInTheTenantsLanguage() {
            String caller = h.callIn(NUMBER);

            UUID id = h.interactionId();
            Opened opened = h.recorder.of(Opened.class).getFirst();
            assertThat(opened.tenantId()).isEqualTo(TENANT);
            assertThat(opened.type()).isEqualTo(InteractionEvent.Type.OFFERED);
            InteractionView view = opened.interaction().view();
            assertThat(view.direction()).isEqualTo("INBOUND");
            assertThat(view.state()).isEqualTo("OFFERED");
            assertThat(view.tenantNumber()).isEqualTo(NUMBER);
            assertThat(view.remoteNumber()).isEqualTo(CALLER);
            assertThat(view.startedAt()).isEqualTo(START);
            assertThat(h.control.variables.get(caller)).isEqualTo(variables(id));
            assertThat(h.control.ops).containsExactly("set " + caller + " LINEA_TENANT_ID",
                    "set " + caller + " LINEA_INTERACTION_ID", "answer " + caller,
                    "play " + caller + " sound:http://prompts/greeting-ro?Acme Bank");
            assertThat(h.recorder.eventTypes(id)).containsExactly("GREETING");
            assertThat(h.control.originates).as("nobody rings during the greeting").isEmpty();
            assertThat(h.engine.activeCalls()).isEqualTo(1);
        }

        @Test
        void greetingOverrideOfTheNumberIsSpokenInsteadOfTheStandardGreeting() {
            h.directory.routes.put(NUMBER, new NumberRoute(TENANT, UUID.randomUUID(), NUMBER, NumberType.FREEPHONE,
                    CARRIER.id(), RouteTarget.AGENTS, "Bine ați venit la Acme", null, 0));

            String caller = h.callIn(NUMBER);

            assertThat(h.control.lastPlay(caller).mediaUri())
                    .isEqualTo("sound:http://prompts/tts-ro?Bine ați venit la Acme");
        }

        @Test
        void eachTenantIsGreetedInItsOwnLanguageWithItsOwnNameAndRingsOnlyItsOwnAgents() {
            h.directory.routes.put(OTHER_NUMBER, new NumberRoute(OTHER_TENANT, UUID.randomUUID(), OTHER_NUMBER,
                    NumberType.GEOGRAPHIC, CARRIER.id(), RouteTarget.AGENTS, null, null, 0));

            String caller = h.callIn(OTHER_NUMBER);

            assertThat(h.control.lastPlay(caller).mediaUri()).isEqualTo("sound:http://prompts/greeting-en?Globex");
            assertThat(h.recorder.of(Opened.class).getFirst().tenantId()).isEqualTo(OTHER_TENANT);
            assertThat(h.control.variables.get(caller))
                    .containsEntry(CallEngine.TENANT_VARIABLE, OTHER_TENANT.toString());

            h.finishPlayback(caller);
            assertThat(h.control.originates).as("Acme's agents never ring for Globex").isEmpty();
            assertThat(h.control.lastPlay(caller).mediaUri()).isEqualTo("sound:http://prompts/no-agents-en");
        }

        @Test
        void aFailedLookUpRejectsTheCallWithCongestionInsteadOfLeavingItUnanswered() {
            h.directory.routesFail = true;

            String caller = h.callIn(NUMBER);

            assertThat(h.control.ops).containsExactly("hangup " + caller + " CONGESTION");
            assertThat(h.recorder.operationalKinds()).containsExactly("NODE_CONNECTED", "CALL_NOT_ROUTED");
            assertThat(h.recorder.of(Opened.class)).isEmpty();
            assertThat(h.engine.activeCalls()).isZero();
        }

        @Test
        void suspendedTenantsCallerHearsSuspendedAndIsHungUpWithoutAnInteraction() {
            h.suspendedTenants.add(TENANT);

            String caller = h.callIn(NUMBER);

            assertThat(h.control.ops).containsExactly("answer " + caller,
                    "play " + caller + " sound:http://prompts/suspended-ro");
            assertThat(h.recorder.operationalKinds()).containsExactly("NODE_CONNECTED", "TENANT_SUSPENDED");
            assertThat(h.recorder.of(Opened.class)).isEmpty();
            assertThat(h.engine.activeCalls()).isZero();

            h.finishPlayback(caller);
            assertThat(h.control.ops.getLast()).isEqualTo("hangup " + caller + " NORMAL");

            h.gone(caller, 16);
            assertThat(h.recorder.of(Ended.class)).isEmpty();
            assertThat(h.control.originates).isEmpty();
        }
    }

    /** TEL-01: after the greeting the tenant's available agents ring one at a time, longest idle first. */
    @Nested
    class RingingAgents {

        @Test
        void afterTheGreetingMusicOnHoldStartsAndTheLongestIdleAgentRings() {
            String caller = h.callIn(NUMBER);
            UUID id = h.interactionId();
            int before = h.control.ops.size();
            h.clock.advance(Duration.ofSeconds(5));

            h.finishPlayback(caller);

            assertThat(h.control.originates).hasSize(1);
            Originate leg = h.control.originates.getFirst();
            assertThat(leg.endpoint()).isEqualTo("PJSIP/ep-ana");
            assertThat(leg.appArgs()).isEqualTo("agent," + id);
            assertThat(leg.callerId()).isEqualTo("\"Acme Bank\" <" + CALLER + ">");
            assertThat(leg.variables()).containsAllEntriesOf(variables(id));
            assertThat(leg.timeoutSeconds()).isEqualTo(2);
            assertThat(leg.channelId()).isNotEqualTo(caller);
            assertThat(opsSince(before)).containsExactly("moh-start " + caller,
                    "originate " + leg.channelId() + " PJSIP/ep-ana");
            assertThat(h.recorder.of(Ringing.class)).containsExactly(
                    new Ringing(TENANT, id, START.plusSeconds(5), ANA.agentId(),
                            "Ana", "PJSIP/ep-ana"));
        }

        @Test
        void anonymousCallerIsShownAsAnonymousToTheAgent() {
            h.finishPlayback(h.callIn(NUMBER, ""));

            assertThat(h.awaitOriginate(1).callerId()).isEqualTo("\"Acme Bank\" <anonymous>");
        }

        @Test
        void aRejectingAndAnUnansweredAgentArePassedOverForTheNext() {
            h.directory.agents(TENANT, ANA, BOB, CARA);
            String caller = h.callWaiting();
            UUID id = h.interactionId();

            h.gone(h.awaitOriginate(1).channelId(), 21);
            assertThat(h.awaitOriginate(2).endpoint()).isEqualTo("PJSIP/ep-bob");
            h.gone(h.control.originates.get(1).channelId(), 19);
            assertThat(h.awaitOriginate(3).endpoint()).isEqualTo("PJSIP/ep-cara");

            assertThat(h.recorder.eventTypes(id)).containsExactly("GREETING", "AGENT_REJECTED Ana",
                    "AGENT_NO_ANSWER Bob");
            assertThat(h.recorder.of(Ringing.class)).extracting(Ringing::agentName).containsExactly("Ana", "Bob",
                    "Cara");
            assertThat(h.control.ops).containsOnlyOnce("moh-start " + caller);
            assertThat(h.control.hangups()).isEmpty();
            assertThat(h.recorder.of(Ended.class)).isEmpty();
        }

        @Test
        void whenEveryAgentWasTriedANewRoundStartsAfterTheRetryPause() {
            h.callWaiting();
            h.gone(h.awaitOriginate(1).channelId(), 21);
            String bobLeg = h.awaitOriginate(2).channelId();

            long exhausted = System.nanoTime();
            h.gone(bobLeg, 19);
            Originate again = h.awaitOriginate(3);

            assertThat(Duration.ofNanos(System.nanoTime() - exhausted)).isGreaterThanOrEqualTo(RING_PAUSE);
            assertThat(again.endpoint()).as("a new round starts with the longest idle").isEqualTo("PJSIP/ep-ana");
            assertThat(again.channelId()).isNotIn(h.control.originates.get(0).channelId(), bobLeg);
            assertThat(h.recorder.of(Ended.class)).isEmpty();
        }

        @Test
        void afterTheMaximumWaitTheCallerHearsNoAgentsAndIsHungUpAfterIt() {
            h.close();
            h = new CallEngineHarness(Duration.ofSeconds(1));
            h.directory.agents(TENANT, ANA, BOB);
            String caller = h.callWaiting();
            UUID id = h.interactionId();
            h.gone(h.awaitOriginate(1).channelId(), 21);
            h.gone(h.awaitOriginate(2).channelId(), 19);
            assertThat(h.awaitOriginate(3).endpoint()).as("within the maximum wait: a new round")
                    .isEqualTo("PJSIP/ep-ana");

            h.clock.advance(Duration.ofSeconds(2));
            h.gone(h.control.originates.get(2).channelId(), 19);
            assertThat(h.awaitOriginate(4).endpoint()).as("the round is finished first").isEqualTo("PJSIP/ep-bob");
            int before = h.control.ops.size();
            h.gone(h.control.originates.get(3).channelId(), 19);

            assertThat(opsSince(before)).containsExactly("moh-stop " + caller,
                    "play " + caller + " sound:http://prompts/no-agents-ro");
            assertThat(h.recorder.of(Ended.class)).as("the caller hears the announcement first").isEmpty();
            sleep(RING_PAUSE.multipliedBy(4));
            h.engine.drain();
            assertThat(h.control.originates).as("no new round after giving up").hasSize(4);

            h.finishPlayback(caller);
            assertThat(h.control.ops.getLast()).isEqualTo("hangup " + caller + " NORMAL");

            h.gone(caller, 16);
            assertThat(h.recorder.ended(id)).isEqualTo(new Ended(TENANT, id, Interaction.State.ENDED,
                    START.plusSeconds(2), "NO_AGENT", null));
            assertThat(h.engine.activeCalls()).isZero();
        }

        @Test
        void tenantWithoutAvailableAgentsHearsNoAgentsRightAfterTheGreeting() {
            h.directory.agents(TENANT);
            String caller = h.callIn(NUMBER);
            int before = h.control.ops.size();

            h.finishPlayback(caller);

            assertThat(opsSince(before)).containsExactly("moh-start " + caller, "moh-stop " + caller,
                    "play " + caller + " sound:http://prompts/no-agents-ro");
            assertThat(h.control.originates).isEmpty();
        }

        @Test
        void anAgentWhoseLegCannotBeOriginatedIsRecordedAsFailedAndTheNextRings() {
            h.control.failingEndpoints.add("PJSIP/ep-ana");
            String caller = h.callWaiting();
            UUID id = h.interactionId();

            assertThat(h.awaitOriginate(1).endpoint()).isEqualTo("PJSIP/ep-bob");
            assertThat(h.recorder.eventTypes(id)).containsExactly("GREETING", "FAILED Ana");

            String failedLeg = h.control.ops.stream().filter(op -> op.endsWith(" PJSIP/ep-ana")).findFirst()
                    .orElseThrow().split(" ")[1];
            assertThat(h.control.hangups()).as("in case the request failed after Ana's phone began to ring")
                    .containsExactly("hangup " + failedLeg + " NORMAL");
            int before = h.control.ops.size();
            h.answer(new Originate(failedLeg, "PJSIP/ep-ana", null, 2, "agent," + id, Map.of()));
            assertThat(opsSince(before)).as("a leg the engine gave up on is hung up, never bridged")
                    .containsExactly("hangup " + failedLeg + " NORMAL");
            assertThat(h.recorder.of(Answered.class)).isEmpty();

            h.answer(h.control.originates.getFirst());
            assertThat(h.control.ops.getLast()).isEqualTo("bridge lb-" + id + " " + caller + " "
                    + h.control.originates.getFirst().channelId());
        }

        @Test
        void aFailedLookUpOfTheAgentsIsRetriedAfterThePauseInsteadOfLeavingTheCallerOnHold() {
            h.directory.failingAgentLookups.set(1);
            String caller = h.callIn(NUMBER);

            long failed = System.nanoTime();
            h.finishPlayback(caller);
            Originate leg = h.awaitOriginate(1);

            assertThat(Duration.ofNanos(System.nanoTime() - failed)).isGreaterThanOrEqualTo(RING_PAUSE);
            assertThat(leg.endpoint()).isEqualTo("PJSIP/ep-ana");
            assertThat(h.control.ops).noneMatch(op -> op.contains("no-agents"));
            assertThat(h.control.hangups()).isEmpty();
        }
    }

    /** TEL-01: an agent answers, the two legs are bridged; either side hanging up ends the call. */
    @Nested
    class Talking {

        @Test
        void anAnsweringAgentIsBridgedWithTheCallerAndTheRingTimeIsRecorded() {
            String caller = h.callIn(NUMBER);
            UUID id = h.interactionId();
            h.clock.advance(Duration.ofSeconds(5));
            h.finishPlayback(caller);
            Originate leg = h.awaitOriginate(1);
            h.clock.advance(Duration.ofSeconds(3));
            int before = h.control.ops.size();

            h.answer(leg);

            assertThat(opsSince(before)).containsExactly("moh-stop " + caller,
                    "bridge lb-" + id + " " + caller + " " + leg.channelId());
            assertThat(h.recorder.of(Answered.class)).containsExactly(
                    new Answered(TENANT, id, START.plusSeconds(8), ANA.agentId(), "Ana", Duration.ofSeconds(3)));
            assertThat(h.recorder.of(Ended.class)).isEmpty();
        }

        /** AGT-02, TEN-03: the softphone learns the interaction and its tenant from the INVITE's headers. */
        @Test
        void theAgentsInviteCarriesTheInteractionAndItsTenantButACarrierLegDoesNot() {
            h.callWaiting();
            UUID id = h.interactionId();
            Map<String, String> variables = h.awaitOriginate(1).variables();
            assertThat(variables).containsEntry("PJSIP_HEADER(add,X-Linea-Interaction)", id.toString())
                    .containsEntry("PJSIP_HEADER(add,X-Linea-Tenant)", TENANT.toString())
                    .containsEntry("PJSIP_HEADER(add,X-Linea-Direction)", "INBOUND")
                    // percent-encoded UTF-8: header values are ASCII
                    .containsEntry("PJSIP_HEADER(add,X-Linea-Tenant-Name)", "Acme%20Bank");
        }

        /** AGT-02: hold plays music on hold in the call's bridge until the call is resumed; both recorded. */
        @Test
        void holdPlaysMusicOnHoldInTheBridgeUntilResumed() {
            String[] legs = talkingWithAna();
            UUID id = h.interactionId();
            int before = h.control.ops.size();

            h.send(new SwitchEvent.HoldChanged(NODE, h.clock.instant(), legs[1], true));
            h.clock.advance(Duration.ofSeconds(20));
            h.send(new SwitchEvent.HoldChanged(NODE, h.clock.instant(), legs[1], false));

            assertThat(opsSince(before)).containsExactly("bridge-moh-start lb-" + id, "bridge-moh-stop lb-" + id);
            assertThat(h.recorder.of(Event.class)).filteredOn(e -> e.interactionId().equals(id))
                    .extracting(Event::type)
                    .containsSubsequence(InteractionEvent.Type.HELD, InteractionEvent.Type.RESUMED);
            // a hold on a channel that is not talking (or unknown) changes nothing
            int after = h.control.ops.size();
            h.send(new SwitchEvent.HoldChanged(NODE, h.clock.instant(), "no-such-channel", true));
            assertThat(opsSince(after)).isEmpty();
        }

        @Test
        void callerHangingUpEndsTheCallHangsUpTheAgentAndFreesTheAgent() {
            String[] legs = talkingWithAna();
            UUID id = h.interactionId();
            h.clock.advance(Duration.ofSeconds(60));

            h.gone(legs[0], 16);

            assertThat(h.recorder.ended(id)).isEqualTo(new Ended(TENANT, id, Interaction.State.ENDED,
                    START.plusSeconds(60), "CALLER_HANGUP", null));
            assertThat(h.control.ops).contains("hangup " + legs[1] + " NORMAL", "destroy-bridge lb-" + id);
            h.await(() -> !h.directory.callsEnded.isEmpty(), "the agent's call end");
            assertThat(h.directory.callsEnded)
                    .containsExactly(new CallEnded(TENANT, ANA.agentId(), START.plusSeconds(60)));
            assertThat(h.engine.activeCalls()).isZero();
        }

        @Test
        void agentHangingUpEndsTheCallAndHangsUpTheCaller() {
            String[] legs = talkingWithAna();
            UUID id = h.interactionId();
            h.clock.advance(Duration.ofSeconds(42));

            h.gone(legs[1], 16);

            assertThat(h.recorder.ended(id)).isEqualTo(new Ended(TENANT, id, Interaction.State.ENDED,
                    START.plusSeconds(42), "AGENT_HANGUP", null));
            assertThat(h.control.ops).contains("hangup " + legs[0] + " NORMAL", "destroy-bridge lb-" + id);
            h.await(() -> !h.directory.callsEnded.isEmpty(), "the agent's call end");
            assertThat(h.directory.callsEnded).extracting(CallEnded::agentId).containsExactly(ANA.agentId());

            h.gone(legs[0], 16);
            assertThat(h.recorder.of(Ended.class)).as("the caller's own hang-up ends nothing twice").hasSize(1);
        }

        @Test
        void anAgentOnACallIsNotRungForAnotherCallUntilThatCallEnds() {
            String[] first = talkingWithAna();

            h.callWaiting();
            Originate bob = h.awaitOriginate(2);
            assertThat(bob.endpoint()).isEqualTo("PJSIP/ep-bob");
            h.gone(bob.channelId(), 21);
            Originate bobAgain = h.awaitOriginate(3);
            assertThat(bobAgain.endpoint()).as("the next round skips busy Ana too").isEqualTo("PJSIP/ep-bob");
            assertThat(h.control.endpointsDialled()).containsExactly("PJSIP/ep-ana", "PJSIP/ep-bob", "PJSIP/ep-bob");

            h.gone(first[0], 16);
            h.gone(bobAgain.channelId(), 19);
            assertThat(h.awaitOriginate(4).endpoint()).as("Ana is free once her call ended")
                    .isEqualTo("PJSIP/ep-ana");
        }
    }

    /** Where a caller gave up is recorded (the abandon stage), and nobody is left ringing. */
    @Nested
    class Abandoned {

        @Test
        void callerHangingUpWhileAnAgentRingsIsAbandonedAtRingingAndStopsTheRinging() {
            String caller = h.callWaiting();
            UUID id = h.interactionId();
            Originate leg = h.awaitOriginate(1);
            h.clock.advance(Duration.ofSeconds(1));

            h.gone(caller, 16);

            assertThat(h.recorder.ended(id)).isEqualTo(new Ended(TENANT, id, Interaction.State.ABANDONED,
                    START.plusSeconds(1), "CALLER_HANGUP", Interaction.Stage.RINGING));
            assertThat(h.control.hangups()).contains("hangup " + leg.channelId() + " NORMAL");

            int before = h.control.ops.size();
            h.answer(leg);
            assertThat(opsSince(before)).as("the late answer is hung up, not bridged")
                    .containsExactly("hangup " + leg.channelId() + " NORMAL");
            assertThat(h.recorder.of(Answered.class)).isEmpty();

            h.callWaiting();
            assertThat(h.awaitOriginate(2).endpoint()).as("Ana is free for the next caller").isEqualTo("PJSIP/ep-ana");
        }

        @Test
        void aSlowRequestForOneCallHoldsUpNeitherTheEngineNorOtherCalls() throws Exception {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try (CallEngineHarness slow = new CallEngineHarness(Duration.ofSeconds(90), pool)) {
                java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
                slow.control.slowAnswers.put("caller-1", gate);
                String first = slow.callIn(NUMBER);
                String second = slow.callIn(NUMBER, "+37369000002");
                slow.await(() -> slow.control.ops.contains("answer " + second), "the second caller answered");
                assertThat(slow.control.ops).as("the first call's answer still waits on the node")
                        .doesNotContain("answer " + first).noneMatch(op -> op.startsWith("play " + first));
                gate.countDown();
                slow.await(() -> slow.control.ops.stream().anyMatch(op -> op.startsWith("play " + first)),
                        "the first caller answered, then its greeting");
                List<String> ofFirst = slow.control.ops.stream().filter(op -> op.contains(first + " ") || op.endsWith(first))
                        .map(op -> op.split(" ")[0] + " " + op.split(" ")[1]).toList();
                assertThat(ofFirst).as("one call's requests keep their order").containsSubsequence(
                        "answer " + first, "play " + first);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void aCallerWhoLeavesWhileTheNumberIsLookedUpIsNeitherAnsweredNorRecorded() {
            List<Runnable> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (CallEngineHarness deferred = new CallEngineHarness(Duration.ofSeconds(90), held::add)) {
                int before = held.size(); // the recovery check of the node's connection
                String caller = deferred.callIn(NUMBER);
                assertThat(held).as("the look-ups run off the engine thread").hasSize(before + 1);
                deferred.gone(caller, 16);

                held.forEach(Runnable::run);
                deferred.engine.drain();

                assertThat(deferred.control.ops).noneMatch(op -> op.contains(caller));
                assertThat(deferred.recorder.of(Opened.class)).isEmpty();
                assertThat(deferred.engine.activeCalls()).isZero();
            }
        }

        @Test
        void aGreetingAsteriskCouldNotPlayIsRecordedAndTheCallerStillReachesAnAgent() {
            String caller = h.callIn(NUMBER);
            UUID id = h.interactionId();
            String greeting = h.control.lastPlay(caller).playbackId();

            h.send(new PlaybackDone(NODE, h.clock.instant(), greeting, true));

            assertThat(h.recorder.of(Event.class)).filteredOn(e -> e.type() == InteractionEvent.Type.FAILED)
                    .singleElement().satisfies(e -> {
                        assertThat(e.interactionId()).isEqualTo(id);
                        assertThat(e.detail()).contains("prompt not played");
                    });
            assertThat(h.recorder.operationalKinds()).contains("PROMPT_FAILED");
            assertThat(h.awaitOriginate(1).endpoint()).as("the caller is not left in silence")
                    .isEqualTo("PJSIP/ep-ana");
        }

        @Test
        void callerHangingUpDuringTheGreetingIsAbandonedAtGreeting() {
            String caller = h.callIn(NUMBER);
            UUID id = h.interactionId();
            String greeting = h.control.lastPlay(caller).playbackId();

            h.gone(caller, 16);
            h.send(new PlaybackDone(NODE, h.clock.instant(), greeting, false));

            assertThat(h.recorder.ended(id)).isEqualTo(new Ended(TENANT, id, Interaction.State.ABANDONED, START,
                    "CALLER_HANGUP", Interaction.Stage.GREETING));
            assertThat(h.control.ops).doesNotContain("moh-start " + caller);
            assertThat(h.control.originates).isEmpty();
            assertThat(h.engine.activeCalls()).isZero();
        }

        @Test
        void callerHangingUpWhileEveryAgentIsBusyIsAbandonedAtWaiting() {
            h.directory.agents(TENANT, ANA);
            talkingWithAna();
            String second = h.callWaiting();
            UUID id = h.interactionId();
            sleep(RING_PAUSE.multipliedBy(2));

            h.gone(second, 16);

            assertThat(h.recorder.ended(id).state()).isEqualTo(Interaction.State.ABANDONED);
            assertThat(h.recorder.ended(id).stage()).isEqualTo(Interaction.Stage.WAITING);
            assertThat(h.control.originates).hasSize(1);
        }
    }

    /** TEL-04: an agent is reached on the softphone, or on the mobile through the tenant's carrier. */
    @Nested
    class AgentReachability {

        private static final String TRUNK = "@" + CARRIER.endpointId();

        @Test
        void unregisteredEndpointFallsBackToTheMobileWithTheTenantNumberAsCallerId() {
            h.control.reachable.remove("ep-cara");
            h.directory.agents(TENANT, CARA);

            h.callWaiting();

            Originate leg = h.awaitOriginate(1);
            UUID id = h.interactionId();
            assertThat(leg.endpoint()).isEqualTo("PJSIP/+37369000003" + TRUNK);
            assertThat(leg.callerId()).isEqualTo("\"Acme Bank\" <" + NUMBER + ">");
            assertThat(leg.appArgs()).isEqualTo("agent," + id);
            assertThat(leg.variables()).isEqualTo(variables(id));
            assertThat(h.recorder.of(Ringing.class).getFirst().detail()).isEqualTo("PJSIP/+37369000003" + TRUNK);
        }

        @Test
        void registeredEndpointIsPreferredToTheMobile() {
            h.directory.agents(TENANT, CARA);

            h.callWaiting();

            assertThat(h.awaitOriginate(1).endpoint()).isEqualTo("PJSIP/ep-cara");
        }

        @Test
        void agentWhoChoseTheMobileIsRungThereEvenWithARegisteredEndpoint() {
            AgentTarget dan = CallEngineHarness.agent("Dan", AgentReach.MOBILE, "ep-ana", "+37369000004");
            h.directory.agents(TENANT, dan);

            h.callWaiting();

            assertThat(h.awaitOriginate(1).endpoint()).isEqualTo("PJSIP/+37369000004" + TRUNK);
        }

        @Test
        void agentWithNeitherARegisteredEndpointNorAMobileIsSkipped() {
            AgentTarget eve = CallEngineHarness.agent("Eve", AgentReach.ENDPOINT, "ep-eve", null);
            h.directory.agents(TENANT, eve, BOB);

            h.callWaiting();

            assertThat(h.awaitOriginate(1).endpoint()).isEqualTo("PJSIP/ep-bob");
            assertThat(h.control.ops).noneMatch(op -> op.contains("ep-eve"));
            assertThat(h.recorder.of(Ringing.class)).extracting(Ringing::agentName).containsExactly("Bob");
        }
    }

    /** A node whose event stream comes back: calls survive a reconnection, not a restart of Asterisk. */
    @Nested
    class NodeReconnection {

        @Test
        void restartedNodeFailsTheCallsItCarriedAndFreesTheirAgents() {
            talkingWithAna();
            UUID id = h.interactionId();
            h.clock.advance(Duration.ofSeconds(30));

            h.send(new NodeConnected(NODE, h.clock.instant(), h.control, true));

            assertThat(h.recorder.ended(id)).isEqualTo(new Ended(TENANT, id, Interaction.State.FAILED,
                    START.plusSeconds(30), "NODE_RESTARTED", null));
            assertThat(h.recorder.operationalKinds()).containsExactly("NODE_CONNECTED", "NODE_RESTARTED");
            assertThat(h.engine.activeCalls()).isZero();

            h.callWaiting();
            assertThat(h.awaitOriginate(2).endpoint()).isEqualTo("PJSIP/ep-ana");
        }

        @Test
        void reconnectedNodeLeavesCallsWhoseChannelsStillExist() {
            String[] legs = talkingWithAna();
            UUID id = h.interactionId();
            int before = h.control.ops.size();

            h.send(new NodeConnected(NODE, h.clock.instant(), h.control, false));

            assertThat(opsSince(before)).isEmpty();
            assertThat(h.recorder.of(Ended.class)).isEmpty();
            assertThat(h.engine.activeCalls()).isEqualTo(1);

            h.gone(legs[0], 16);
            assertThat(h.recorder.ended(id).reason()).isEqualTo("CALLER_HANGUP");
        }

        @Test
        void reconnectedNodeFailsCallsWhoseChannelsVanishedMeanwhile() {
            String[] legs = talkingWithAna();
            UUID id = h.interactionId();
            h.control.existing.remove(legs[1]);

            h.send(new NodeConnected(NODE, h.clock.instant(), h.control, false));

            assertThat(h.recorder.ended(id).state()).isEqualTo(Interaction.State.FAILED);
            assertThat(h.recorder.ended(id).reason()).isEqualTo("NODE_LOST");
            assertThat(h.control.hangups()).contains("hangup " + legs[0] + " NORMAL");
        }
    }

    /** TEL-05: an agent calls out with a tenant number as caller ID; inbound and outbound at once. */
    @Nested
    class Outbound {

        private static final String REMOTE = "+37379111222";
        private final CallerNumber from = new CallerNumber(TENANT, UUID.randomUUID(), NUMBER, CARRIER);

        private UUID place(AgentTarget agent) throws Exception {
            UUID id = h.engine.place(agent, from, REMOTE).get(5, TimeUnit.SECONDS);
            h.engine.drain();
            return id;
        }

        @Test
        void agentLegRingsFirstThenTheExternalNumberWithTheTenantNumberAsCallerId() throws Exception {
            UUID id = place(ANA);

            Opened opened = h.recorder.of(Opened.class).getFirst();
            assertThat(opened.interaction().id()).isEqualTo(id);
            assertThat(opened.type()).isEqualTo(InteractionEvent.Type.DIALLING);
            assertThat(opened.tenantId()).isEqualTo(TENANT);
            InteractionView view = opened.interaction().view();
            assertThat(view.direction()).isEqualTo("OUTBOUND");
            assertThat(view.tenantNumber()).isEqualTo(NUMBER);
            assertThat(view.remoteNumber()).isEqualTo(REMOTE);
            Originate agentLeg = h.awaitOriginate(1);
            assertThat(agentLeg.endpoint()).isEqualTo("PJSIP/ep-ana");
            assertThat(agentLeg.appArgs()).isEqualTo("agent," + id);
            assertThat(agentLeg.callerId()).contains(REMOTE);
            assertThat(agentLeg.variables()).containsAllEntriesOf(variables(id))
                    .containsEntry("PJSIP_HEADER(add,X-Linea-Direction)", "OUTBOUND");
            assertThat(h.control.originates).as("the external number waits for the agent").hasSize(1);

            h.clock.advance(Duration.ofSeconds(2));
            h.answer(agentLeg);

            Originate external = h.awaitOriginate(2);
            assertThat(external.endpoint()).isEqualTo("PJSIP/" + REMOTE + "@" + CARRIER.endpointId());
            assertThat(external.callerId()).isEqualTo("\"Acme Bank\" <" + NUMBER + ">");
            assertThat(external.appArgs()).isEqualTo("external," + id);
            assertThat(external.variables()).isEqualTo(variables(id));
            assertThat(h.control.ops).contains("moh-start " + agentLeg.channelId());
            assertThat(h.recorder.of(Ringing.class)).containsExactly(new Ringing(TENANT, id, START.plusSeconds(2),
                    ANA.agentId(), "Ana", external.endpoint()));

            h.clock.advance(Duration.ofSeconds(7));
            int before = h.control.ops.size();
            h.answer(external);

            assertThat(opsSince(before)).containsExactly("moh-stop " + agentLeg.channelId(),
                    "bridge lb-" + id + " " + agentLeg.channelId() + " " + external.channelId());
            assertThat(h.recorder.of(Answered.class)).containsExactly(
                    new Answered(TENANT, id, START.plusSeconds(9), ANA.agentId(), "Ana", Duration.ofSeconds(7)));

            h.clock.advance(Duration.ofSeconds(20));
            h.gone(external.channelId(), 16);
            assertThat(h.recorder.ended(id)).isEqualTo(new Ended(TENANT, id, Interaction.State.ENDED,
                    START.plusSeconds(29), "REMOTE_HANGUP", null));
            assertThat(h.control.ops).contains("hangup " + agentLeg.channelId() + " NORMAL",
                    "destroy-bridge lb-" + id);
            h.await(() -> !h.directory.callsEnded.isEmpty(), "the agent's call end");
            assertThat(h.directory.callsEnded).extracting(CallEnded::agentId).containsExactly(ANA.agentId());
        }

        @Test
        void busyExternalNumberEndsTheCallAndFreesTheAgent() throws Exception {
            UUID id = place(ANA);
            Originate agentLeg = h.awaitOriginate(1);
            h.answer(agentLeg);
            Originate external = h.awaitOriginate(2);

            h.gone(external.channelId(), 17);

            Ended ended = h.recorder.ended(id);
            assertThat(ended.state()).isEqualTo(Interaction.State.ENDED);
            assertThat(ended.reason()).isEqualTo("REMOTE_BUSY");
            assertThat(ended.stage()).isNull();
            assertThat(h.control.hangups()).contains("hangup " + agentLeg.channelId() + " NORMAL");
            assertThat(h.recorder.of(Answered.class)).isEmpty();
            assertThat(h.engine.activeCalls()).isZero();
            assertThat(place(ANA)).as("Ana can call again").isNotEqualTo(id);
        }

        @Test
        void agentAlreadyOnACallCannotPlaceAnother() throws Exception {
            talkingWithAna();
            int opened = h.recorder.of(Opened.class).size();

            assertThatThrownBy(() -> place(ANA)).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(LineaProblemException.class, problem -> {
                        assertThat(problem.code()).isEqualTo("call.agent-busy");
                        assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
                    });
            assertThat(h.recorder.of(Opened.class)).hasSize(opened);
            assertThat(h.control.originates).hasSize(1);

            place(BOB);
            assertThatThrownBy(() -> place(BOB)).cause().isInstanceOfSatisfying(LineaProblemException.class,
                    problem -> assertThat(problem.code()).isEqualTo("call.agent-busy"));
        }

        @Test
        void agentPlacingACallIsNotRungForAnInboundCallOnTheSameNumber() throws Exception {
            UUID outbound = place(ANA);
            h.answer(h.awaitOriginate(1));

            h.callWaiting();

            Originate inboundLeg = h.awaitOriginate(3);
            assertThat(inboundLeg.endpoint()).isEqualTo("PJSIP/ep-bob");
            assertThat(inboundLeg.appArgs()).isNotEqualTo("agent," + outbound);
            assertThat(h.engine.activeCalls()).isEqualTo(2);
        }
    }

    /** AGT-03: attended and blind transfer, and a three-way conference, of a call an agent talks on. */
    @Nested
    class Transfers {

        private void consult(UUID id, AgentTarget by, AgentTarget to, boolean blind) throws Exception {
            h.engine.consult(TENANT, id, by.agentId(), to, blind).get(5, TimeUnit.SECONDS);
        }

        private void step(UUID id, AgentTarget by, CallEngine.TransferStep step) throws Exception {
            h.engine.transferStep(TENANT, id, by.agentId(), step).get(5, TimeUnit.SECONDS);
        }

        private static void refused(ThrowingCallable request, HttpStatus status, String code) {
            assertThatThrownBy(request).cause().isInstanceOfSatisfying(LineaProblemException.class, problem -> {
                assertThat(problem.code()).isEqualTo(code);
                assertThat(problem.status()).isEqualTo(status);
            });
        }

        @Test
        void anAttendedTransferPlaysMusicToTheCallerWhileTheAgentsTalkThenHandsTheCallOver() throws Exception {
            String[] legs = talkingWithAna();
            UUID id = h.interactionId();
            int before = h.control.ops.size();

            consult(id, ANA, BOB, false);
            Originate bob = h.awaitOriginate(2);
            assertThat(bob.endpoint()).isEqualTo("PJSIP/ep-bob");
            assertThat(bob.appArgs()).isEqualTo("consult," + id);
            assertThat(bob.variables()).containsEntry("PJSIP_HEADER(add,X-Linea-Transfer-From)", "Ana")
                    .containsEntry("PJSIP_HEADER(add,X-Linea-Interaction)", id.toString());
            assertThat(opsSince(before)).containsExactly("bridge-moh-start lb-" + id, "bridge lk-" + id + " " + legs[1],
                    "originate " + bob.channelId() + " PJSIP/ep-bob");
            refused(() -> step(id, ANA, CallEngine.TransferStep.COMPLETE), HttpStatus.CONFLICT,
                    "call.transfer-not-answered");
            refused(() -> consult(id, ANA, CARA, false), HttpStatus.CONFLICT, "call.transfer-in-progress");

            assertThat(h.engine.transferState(TENANT, id, ANA.agentId()).get(5, TimeUnit.SECONDS))
                    .isEqualTo(new CallEngine.TransferState("RINGING", BOB.agentId(), "Bob"));
            h.answer(bob);
            assertThat(h.engine.transferState(TENANT, id, ANA.agentId()).get(5, TimeUnit.SECONDS).state())
                    .isEqualTo("TALKING");
            int answered = h.control.ops.size();
            h.clock.advance(Duration.ofSeconds(30));
            step(id, ANA, CallEngine.TransferStep.COMPLETE);

            assertThat(opsSince(answered)).containsExactly("bridge-add lb-" + id + " " + bob.channelId(),
                    "bridge-moh-stop lb-" + id, "destroy-bridge lk-" + id, "hangup " + legs[1] + " NORMAL");
            assertThat(h.recorder.events(id)).extracting(Event::type, Event::agentName).contains(
                    tuple(InteractionEvent.Type.CONSULTING, "Bob"), tuple(InteractionEvent.Type.CONSULTED, "Bob"),
                    tuple(InteractionEvent.Type.TRANSFERRED, "Bob"));
            assertThat(h.recorder.events(id)).filteredOn(e -> e.type() == InteractionEvent.Type.TRANSFERRED)
                    .extracting(Event::detail).containsExactly("from Ana (attended)");
            h.await(() -> !h.directory.callsEnded.isEmpty(), "Ana's call end");
            assertThat(h.directory.callsEnded).extracting(CallEnded::agentId).containsExactly(ANA.agentId());

            // Ana's leg going away is not the end of the call; Bob's is, and the caller is hung up
            h.gone(legs[1], 16);
            assertThat(h.engine.activeCalls()).isOne();
            refused(() -> step(id, ANA, CallEngine.TransferStep.COMPLETE), HttpStatus.FORBIDDEN, "call.not-yours");
            h.clock.advance(Duration.ofSeconds(10));
            h.gone(bob.channelId(), 16);
            assertThat(h.recorder.ended(id).reason()).isEqualTo("AGENT_HANGUP");
            assertThat(h.control.ops).contains("hangup " + legs[0] + " NORMAL");
            h.await(() -> h.directory.callsEnded.size() == 2, "Bob's call end");
        }

        @Test
        void aCancelledConsultationReturnsTheAgentToTheCallerAndAConferenceJoinsAllThree() throws Exception {
            String[] legs = talkingWithAna();
            UUID id = h.interactionId();
            consult(id, ANA, BOB, false);
            Originate first = h.awaitOriginate(2);
            h.answer(first);
            int before = h.control.ops.size();

            step(id, ANA, CallEngine.TransferStep.CANCEL);
            assertThat(h.engine.transferState(TENANT, id, ANA.agentId()).get(5, TimeUnit.SECONDS).state())
                    .isEqualTo("NONE");
            assertThat(opsSince(before)).containsExactly("hangup " + first.channelId() + " NORMAL",
                    "bridge-add lb-" + id + " " + legs[1], "bridge-moh-stop lb-" + id, "destroy-bridge lk-" + id);
            // Bob is free again: he can be consulted once more, and this time all three talk
            consult(id, ANA, BOB, false);
            Originate second = h.awaitOriginate(3);
            h.answer(second);
            int conference = h.control.ops.size();
            step(id, ANA, CallEngine.TransferStep.CONFERENCE);
            assertThat(opsSince(conference)).containsExactly("bridge-moh-stop lb-" + id,
                    "bridge-add lb-" + id + " " + legs[1], "bridge-add lb-" + id + " " + second.channelId(),
                    "destroy-bridge lk-" + id);
            refused(() -> step(id, ANA, CallEngine.TransferStep.CANCEL), HttpStatus.CONFLICT, "call.no-transfer");

            // Ana leaves the conference: Bob keeps the caller
            h.gone(legs[1], 16);
            assertThat(h.engine.activeCalls()).isOne();
            assertThat(h.recorder.events(id)).extracting(Event::type).containsSubsequence(
                    InteractionEvent.Type.CONSULTING, InteractionEvent.Type.CONSULTED,
                    InteractionEvent.Type.TRANSFER_CANCELLED, InteractionEvent.Type.CONSULTING,
                    InteractionEvent.Type.CONSULTED, InteractionEvent.Type.CONFERENCED,
                    InteractionEvent.Type.TRANSFERRED);
            h.gone(legs[0], 16);
            assertThat(h.recorder.ended(id).reason()).isEqualTo("CALLER_HANGUP");
            assertThat(h.control.ops).contains("hangup " + second.channelId() + " NORMAL");
        }

        @Test
        void aBlindTransferNobodyAnswersEndsWithAnApologyAndAMissedCall() throws Exception {
            String[] legs = talkingWithAna();
            UUID id = h.interactionId();
            refused(() -> consult(id, BOB, CARA, true), HttpStatus.FORBIDDEN, "call.not-yours");
            refused(() -> h.engine.consult(OTHER_TENANT, id, ANA.agentId(), BOB, true).get(5, TimeUnit.SECONDS),
                    HttpStatus.NOT_FOUND, "resource.not-found");
            refused(() -> consult(id, ANA, ANA, true), HttpStatus.CONFLICT, "call.agent-busy");
            int before = h.control.ops.size();

            consult(id, ANA, BOB, true);
            Originate bob = h.awaitOriginate(2);
            assertThat(opsSince(before)).startsWith("bridge-moh-start lb-" + id, "hangup " + legs[1] + " NORMAL");
            refused(() -> step(id, ANA, CallEngine.TransferStep.COMPLETE), HttpStatus.CONFLICT, "call.no-transfer");
            h.gone(legs[1], 16);
            assertThat(h.engine.activeCalls()).as("the caller still waits for Bob").isOne();

            h.gone(bob.channelId(), 21);
            assertThat(h.control.lastPlay(legs[0]).mediaUri()).contains("no-agents");
            assertThat(h.queues.workList).containsExactly("MISSED " + id + " " + CALLER);
            h.finishPlayback(legs[0]);
            assertThat(h.control.ops).contains("hangup " + legs[0] + " NORMAL");
        }

        @Test
        void aTransferToAnExternalNumberDialsItThroughTheCarrierAndBridgesItWithTheCaller() throws Exception {
            String[] legs = talkingWithAna();
            UUID id = h.interactionId();
            String number = "+37369000111";
            refused(() -> h.engine.transferToNumber(TENANT, id, BOB.agentId(), number).get(5, TimeUnit.SECONDS),
                    HttpStatus.FORBIDDEN, "call.not-yours");
            refused(() -> h.engine.transferToNumber(OTHER_TENANT, id, ANA.agentId(), number).get(5,
                    TimeUnit.SECONDS), HttpStatus.NOT_FOUND, "resource.not-found");
            int before = h.control.ops.size();

            h.engine.transferToNumber(TENANT, id, ANA.agentId(), number).get(5, TimeUnit.SECONDS);
            Originate external = h.awaitOriginate(2);
            assertThat(external.endpoint()).isEqualTo("PJSIP/" + number + "@" + CARRIER.endpointId());
            assertThat(external.callerId()).as("the tenant number, which the carrier accepts").endsWith("<"
                    + NUMBER + ">");
            assertThat(external.variables()).as("no Linea headers toward a carrier")
                    .doesNotContainKey("PJSIP_HEADER(add,X-Linea-Interaction)");
            assertThat(opsSince(before)).containsExactly("bridge-moh-start lb-" + id, "hangup " + legs[1] + " NORMAL",
                    "originate " + external.channelId() + " " + external.endpoint());
            refused(() -> h.engine.transferToNumber(TENANT, id, ANA.agentId(), number).get(5, TimeUnit.SECONDS),
                    HttpStatus.CONFLICT, "call.transfer-in-progress");
            h.gone(legs[1], 16);
            assertThat(h.engine.activeCalls()).as("the caller waits for the number").isOne();

            // the number answers: bridged with the caller, the music stops
            h.answer(external);
            assertThat(h.control.ops).contains("bridge-add lb-" + id + " " + external.channelId(),
                    "bridge-moh-stop lb-" + id);
            assertThat(h.recorder.events(id)).filteredOn(e -> e.type() == InteractionEvent.Type.TRANSFERRED)
                    .extracting(Event::agentId, Event::agentName, Event::detail)
                    .containsExactly(tuple(null, number, "from Ana (blind)"));

            // the number hangs up: the call ends, the caller is hung up; only Ana's call counts as an agent's
            h.gone(external.channelId(), 16);
            assertThat(h.control.ops).contains("hangup " + legs[0] + " NORMAL");
            assertThat(h.recorder.ended(id).reason()).isEqualTo("AGENT_HANGUP");
            h.await(() -> !h.directory.callsEnded.isEmpty(), "Ana's call end");
            assertThat(h.directory.callsEnded).extracting(CallEnded::agentId).containsExactly(ANA.agentId());
        }

        /** AGT-02: a softphone that lost its connection hangs up through cc-core instead of a BYE. */
        @Test
        void anAgentHangsUpTheirOwnLegFromTheServerAndOnlyTheirs() throws Exception {
            String[] legs = talkingWithAna();
            UUID id = h.interactionId();
            consult(id, ANA, BOB, false);
            Originate bob = h.awaitOriginate(2);
            h.answer(bob);
            refused(() -> h.engine.hangup(OTHER_TENANT, id, ANA.agentId()).get(5, TimeUnit.SECONDS),
                    HttpStatus.NOT_FOUND, "resource.not-found");
            refused(() -> h.engine.hangup(TENANT, id, CARA.agentId()).get(5, TimeUnit.SECONDS),
                    HttpStatus.FORBIDDEN, "call.not-yours");
            int before = h.control.ops.size();

            // the consulted agent leaves the consultation only: Ana is back with the caller
            h.engine.hangup(TENANT, id, BOB.agentId()).get(5, TimeUnit.SECONDS);
            assertThat(opsSince(before)).containsExactly("hangup " + bob.channelId() + " NORMAL");
            h.gone(bob.channelId(), 16);
            assertThat(h.engine.transferState(TENANT, id, ANA.agentId()).get(5, TimeUnit.SECONDS).state())
                    .isEqualTo("NONE");

            // Ana's own leg, then the call ends as if her phone had sent the BYE
            int back = h.control.ops.size();
            h.engine.hangup(TENANT, id, ANA.agentId()).get(5, TimeUnit.SECONDS);
            assertThat(opsSince(back)).startsWith("hangup " + legs[1] + " NORMAL");
            h.gone(legs[1], 16);
            assertThat(h.control.ops).contains("hangup " + legs[0] + " NORMAL");
            assertThat(h.recorder.ended(id).reason()).isEqualTo("AGENT_HANGUP");
            refused(() -> h.engine.hangup(TENANT, id, ANA.agentId()).get(5, TimeUnit.SECONDS),
                    HttpStatus.NOT_FOUND, "resource.not-found");
        }

        @Test
        void theFirstAgentHangingUpWhileTheTargetRingsMakesTheTransferBlind() throws Exception {
            String[] legs = talkingWithAna();
            UUID id = h.interactionId();
            consult(id, ANA, BOB, false);
            Originate bob = h.awaitOriginate(2);

            h.gone(legs[1], 16);
            assertThat(h.engine.activeCalls()).isOne();
            h.answer(bob);

            assertThat(h.control.ops).contains("bridge-add lb-" + id + " " + bob.channelId(),
                    "bridge-moh-stop lb-" + id);
            assertThat(h.recorder.events(id)).filteredOn(e -> e.type() == InteractionEvent.Type.TRANSFERRED)
                    .extracting(Event::agentName, Event::detail).containsExactly(tuple("Bob", "from Ana (blind)"));
            h.gone(legs[0], 16);
            assertThat(h.recorder.ended(id).reason()).isEqualTo("CALLER_HANGUP");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
