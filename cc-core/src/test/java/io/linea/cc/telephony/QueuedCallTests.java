package io.linea.cc.telephony;

import static io.linea.cc.telephony.CallEngineHarness.ANA;
import static io.linea.cc.telephony.CallEngineHarness.BOB;
import static io.linea.cc.telephony.CallEngineHarness.CALLER;
import static io.linea.cc.telephony.CallEngineHarness.CARRIER;
import static io.linea.cc.telephony.CallEngineHarness.NODE;
import static io.linea.cc.telephony.CallEngineHarness.NUMBER;
import static io.linea.cc.telephony.CallEngineHarness.OTHER_TENANT;
import static io.linea.cc.telephony.CallEngineHarness.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.linea.cc.provisioning.AgentTarget;
import io.linea.cc.provisioning.NumberRoute;
import io.linea.cc.provisioning.NumberType;
import io.linea.cc.provisioning.RouteTarget;
import io.linea.cc.queue.Overflow;
import io.linea.cc.queue.OverflowAction;
import io.linea.cc.queue.QueueRouting;
import io.linea.cc.routing.Medium;
import io.linea.cc.routing.OverflowReason;
import io.linea.cc.routing.RoutingEvent;
import io.linea.cc.routing.Strategy;
import io.linea.platform.problem.LineaProblemException;
import io.linea.cc.telephony.CallEngineHarness.FakeControl.Originate;
import io.linea.cc.telephony.CallEngineHarness.RecordingRecorder.Ended;
import io.linea.cc.telephony.CallEngineHarness.RecordingRecorder.Event;

/**
 * The routing path of {@link CallEngine} (ACD-01 … ACD-14, IVR-09) against a recording fake node and a
 * fake router: the test plays the router's decisions and asserts the requests to the node, what the
 * router is told and what lands on the work list.
 */
class QueuedCallTests {

    private static final UUID QUEUE = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    private static final UUID BACKUP = UUID.fromString("00000000-0000-0000-0000-00000000a002");

    private CallEngineHarness h;

    @BeforeEach
    void start() {
        h = new CallEngineHarness();
        h.directory.routes.put(NUMBER, new NumberRoute(TENANT, UUID.randomUUID(), NUMBER, NumberType.FREEPHONE,
                CARRIER.id(), RouteTarget.QUEUE, null, QUEUE, 7));
        h.directory.agents(TENANT, ANA, BOB);
        queue(QUEUE, "Billing", true, rules(Overflow.defaults(), true, true));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static QueueRouting rules(Overflow overflow, boolean callback, boolean voicemail) {
        return new QueueRouting(Strategy.LONGEST_IDLE, 0, 30, 20, null, 0, 0, 10, null, true, true, true, 60,
                callback, false, voicemail, overflow);
    }

    private void queue(UUID id, String name, boolean open, QueueRouting routing) {
        h.queues.setups.put(id, new VoiceQueues.QueueSetup(id, name, routing, open, null,
                java.time.ZoneOffset.UTC));
    }

    /** A caller whose greeting has finished: in the queue now. */
    private String queued() {
        String caller = h.callIn(NUMBER);
        h.finishPlayback(caller);
        return caller;
    }

    private static UUID person(AgentTarget agent) {
        return agent.userId();
    }

    private void offer(UUID interaction, AgentTarget agent) {
        h.queues.handler.offered(new RoutingEvent.Offered(interaction, TENANT, QUEUE, Medium.VOICE, person(agent),
                agent.agentId(), false, h.clock.instant()));
        h.engine.drain();
    }

    private void overflow(UUID interaction, OverflowReason reason) {
        h.queues.handler.overflowed(new RoutingEvent.Overflowed(interaction, TENANT, QUEUE, reason, h.clock.instant()));
        h.engine.drain();
    }

    private void key(String channel, char digit) {
        h.send(new SwitchEvent.DtmfReceived(NODE, h.clock.instant(), channel, digit));
    }

    @Test
    void aCallToAQueueNumberJoinsTheQueueWithTheNumbersPriorityAndMusic() {
        String caller = queued();
        UUID id = h.interactionId();

        assertThat(h.queues.told).containsExactly("enqueue " + id);
        assertThat(h.queues.enqueued.getFirst().priority()).isEqualTo(7);
        assertThat(h.queues.enqueued.getFirst().medium()).isEqualTo(Medium.VOICE);
        assertThat(h.control.ops).contains("moh-start " + caller);
        assertThat(h.recorder.events(id)).extracting(Event::type).contains(InteractionEvent.Type.QUEUED);
        assertThat(h.control.originates).as("nobody rings before the router offers").isEmpty();
    }

    @Test
    void positionExpectedWaitAndKeysAreAnnouncedInTheCallersLanguage() {
        h.queues.position = 3;
        h.queues.expectedWait = Duration.ofSeconds(150);
        String caller = queued();

        h.await(() -> h.control.plays.size() >= 2, "the queue announcement");
        String spoken = h.control.lastPlay(caller).mediaUri();
        assertThat(spoken).contains("tts-ro").contains("queue-position-ro?3").contains("queue-wait-ro?3")
                .contains("queue-press-callback-ro").contains("queue-press-voicemail-ro");
        h.finishPlayback(caller);
        assertThat(h.control.ops.getLast()).as("music again after the announcement").isEqualTo("moh-start " + caller);
    }

    @Test
    void theOfferedAgentRingsAndAnAnsweredCallIsBridgedAcceptedAndFinished() {
        String caller = queued();
        UUID id = h.interactionId();
        offer(id, ANA);
        Originate leg = h.awaitOriginate(1);
        assertThat(leg.endpoint()).isEqualTo("PJSIP/ep-ana");
        assertThat(leg.timeoutSeconds()).as("the queue's ring timeout").isEqualTo(20);

        h.answer(leg);
        assertThat(h.queues.told).contains("accepted " + id + " " + person(ANA));
        assertThat(h.control.ops).anyMatch(op -> op.startsWith("bridge lb-" + id + " " + caller));

        h.gone(caller, 16);
        assertThat(h.queues.told.getLast()).isEqualTo("finished " + id);
        assertThat(h.recorder.ended(id).state()).isEqualTo(Interaction.State.ENDED);
        assertThat(h.queues.workList).as("a served call is no missed call").isEmpty();
    }

    @Test
    void anAgentWhoDoesNotAnswerIsDeclinedAndTheCallerStaysQueued() {
        String caller = queued();
        UUID id = h.interactionId();
        offer(id, ANA);
        Originate leg = h.awaitOriginate(1);

        h.gone(leg.channelId(), 19);
        assertThat(h.queues.told.getLast()).isEqualTo("declined " + id + " " + person(ANA));
        assertThat(h.recorder.events(id)).extracting(Event::type).contains(InteractionEvent.Type.AGENT_NO_ANSWER);

        offer(id, BOB);
        assertThat(h.awaitOriginate(2).endpoint()).isEqualTo("PJSIP/ep-bob");
        assertThat(h.control.existing).contains(caller);
    }

    @Test
    void anAgentWithoutAPhoneIsDeclinedAfterAPauseAndRecordedOnce() {
        h.control.reachable.remove("ep-ana");
        queued();
        UUID id = h.interactionId();
        offer(id, ANA);
        assertThat(h.queues.told).as("not declined at once").noneMatch(t -> t.startsWith("declined"));
        h.await(() -> h.queues.told.contains("declined " + id + " " + person(ANA)), "the decline after the pause");
        offer(id, ANA);
        h.await(() -> h.queues.told.stream().filter(t -> t.startsWith("declined")).count() == 2, "the second");
        assertThat(h.recorder.events(id)).filteredOn(e -> e.type() == InteractionEvent.Type.FAILED).hasSize(1);
        assertThat(h.control.originates).isEmpty();
    }

    @Test
    void aScheduledCallbackDueReservesAnAgentThenDialsTheCustomer() {
        UUID item = UUID.randomUUID();
        java.time.Instant at = h.clock.instant().minusSeconds(5);
        h.directory.callerNumbers.put(TENANT, new io.linea.cc.provisioning.CallerNumber(TENANT, UUID.randomUUID(),
                NUMBER, CARRIER));
        h.queues.due.add(new io.linea.cc.callback.CallbackManagement.DueCallback(TENANT, item, "+37369000777",
                QUEUE, at));
        h.engine.pollCallbacks();
        h.await(() -> !h.queues.enqueued.isEmpty(), "the callback enqueued");
        var task = h.queues.enqueued.getFirst();
        assertThat(task.callback()).isTrue();
        assertThat(task.enqueuedAt()).as("ordered by its time").isEqualTo(at);
        assertThat(h.control.originates).as("the agent first").isEmpty();

        offer(task.id(), ANA);
        Originate agentLeg = h.awaitOriginate(1);
        h.answer(agentLeg);
        Originate customer = h.awaitOriginate(2);
        assertThat(customer.endpoint()).isEqualTo("PJSIP/+37369000777@" + CARRIER.endpointId());
        h.answer(customer);
        h.await(() -> h.queues.workList.contains("ATTEMPT " + item + " reached"), "the item closed as reached");
    }

    @Test
    void aWithdrawnOfferStopsTheRinging() {
        queued();
        UUID id = h.interactionId();
        offer(id, ANA);
        Originate leg = h.awaitOriginate(1);

        h.queues.handler.withdrawn(new RoutingEvent.OfferWithdrawn(id, person(ANA), h.clock.instant()));
        h.engine.drain();
        assertThat(h.control.hangups()).contains("hangup " + leg.channelId() + " NORMAL");
        h.answer(leg);
        assertThat(h.queues.told).noneMatch(t -> t.startsWith("accepted"));
    }

    @Test
    void aCallerWhoHangsUpInTheQueueIsAbandonedThereAndListedAsMissed() {
        String caller = queued();
        UUID id = h.interactionId();

        h.gone(caller, 16);
        assertThat(h.queues.told.getLast()).isEqualTo("cancel " + id + " abandoned");
        Ended ended = h.recorder.ended(id);
        assertThat(ended.state()).isEqualTo(Interaction.State.ABANDONED);
        assertThat(ended.stage()).isEqualTo(Interaction.Stage.WAITING);
        h.await(() -> !h.queues.workList.isEmpty(), "the missed call");
        assertThat(h.queues.workList).containsExactly("MISSED " + id + " " + CALLER);
    }

    @Test
    void aCallerWhoHangsUpWhileAnAgentRingsIsAbandonedWhileRinging() {
        String caller = queued();
        UUID id = h.interactionId();
        offer(id, ANA);
        Originate leg = h.awaitOriginate(1);

        h.gone(caller, 16);
        assertThat(h.recorder.ended(id).stage()).isEqualTo(Interaction.Stage.RINGING);
        assertThat(h.control.hangups()).contains("hangup " + leg.channelId() + " NORMAL");
        assertThat(h.queues.told.getLast()).isEqualTo("cancel " + id + " abandoned");
    }

    @Test
    void pressingOneKeepsThePlaceAndTheCallerIsCalledBackThroughTheAgent() {
        String caller = queued();
        UUID id = h.interactionId();

        key(caller, '1');
        assertThat(h.queues.told).contains("kept " + id);
        h.await(() -> h.queues.workList.contains("CALLBACK " + id + " " + CALLER), "the callback request");
        h.await(() -> h.control.plays.stream().anyMatch(p -> p.mediaUri().contains("callback-kept-ro")),
                "the confirmation");
        h.finishPlayback(caller);
        assertThat(h.control.hangups()).contains("hangup " + caller + " NORMAL");
        h.gone(caller, 16);
        assertThat(h.queues.told).as("the place is kept, not abandoned").noneMatch(t -> t.startsWith("cancel"));
        assertThat(h.recorder.of(CallEngineHarness.RecordingRecorder.Ended.class)).isEmpty();

        // the turn comes: the agent first, then the caller through the carrier
        offer(id, ANA);
        Originate agentLeg = h.awaitOriginate(1);
        assertThat(agentLeg.endpoint()).isEqualTo("PJSIP/ep-ana");
        h.answer(agentLeg);
        assertThat(h.queues.told).contains("accepted " + id + " " + person(ANA));
        Originate back = h.awaitOriginate(2);
        assertThat(back.endpoint()).isEqualTo("PJSIP/" + CALLER + "@" + CARRIER.endpointId());
        assertThat(back.callerId()).contains(NUMBER);
        h.answer(back);
        assertThat(h.control.ops).contains("bridge lb-" + id + " " + back.channelId() + " " + agentLeg.channelId());
        h.await(() -> h.queues.workList.stream().anyMatch(w -> w.startsWith("ATTEMPT") && w.endsWith(" reached")),
                "the callback marked reached");
        assertThat(h.recorder.events(id)).extracting(Event::type).contains(
                InteractionEvent.Type.CALLBACK_REQUESTED, InteractionEvent.Type.CALLBACK_ATTEMPTED);
    }

    private void preferredTime(boolean open) {
        queue(QUEUE, "Billing", open, new QueueRouting(Strategy.LONGEST_IDLE, 0, 30, 20, null, 0, 0, 10, null, true,
                true, true, 60, true, true, true, Overflow.defaults()));
    }

    private void keys(String channel, String digits) {
        digits.chars().forEach(c -> key(channel, (char) c));
    }

    private boolean spoke(String prompt) {
        return h.control.plays.stream().anyMatch(p -> p.mediaUri().contains(prompt));
    }

    /** ACD-10: 1, then a time as HHMM: the caller leaves the line and the callback is scheduled at that time. */
    @Test
    void aPreferredTimeTypedOnThePhoneSchedulesTheCallbackAndFreesThePlace() {
        preferredTime(true);
        String caller = queued();
        UUID id = h.interactionId();

        key(caller, '1');
        h.await(() -> spoke("callback-time-ro"), "the question for a time");
        assertThat(h.queues.told).as("still in line while typing").noneMatch(t -> t.startsWith("cancel")
                || t.startsWith("kept"));
        keys(caller, "1430");
        // 09:00 UTC now: 14:30 the same day, in the queue's time zone (UTC here)
        h.await(() -> h.queues.workList.contains("CALLBACK " + id + " " + CALLER + " at 2026-03-02T14:30:00Z"),
                "the scheduled request");
        assertThat(h.queues.told).contains("cancel " + id);
        h.await(() -> spoke("callback-scheduled-ro?14:30"), "the confirmation with the time");
        h.finishPlayback(caller);
        assertThat(h.control.hangups()).contains("hangup " + caller + " NORMAL");
        h.gone(caller, 16);
        assertThat(h.recorder.ended(id).reason()).isEqualTo("CALLBACK_REQUESTED");
        assertThat(h.queues.workList).as("a scheduled callback is no missed call").noneMatch(w -> w.startsWith("MISSED"));
        assertThat(h.recorder.events(id)).filteredOn(e -> e.type() == InteractionEvent.Type.CALLBACK_REQUESTED)
                .singleElement().extracting(Event::detail).asString().contains("2026-03-02T14:30Z");
    }

    @Test
    void anEarlierTimeOfDayMeansTomorrowAndTheQueuesTimeZoneCounts() {
        assertThat(CallEngine.nextTime(CallEngineHarness.START, java.time.ZoneId.of("Europe/Chisinau"), 8, 15).toInstant())
                .as("08:15 in Chisinau (UTC+2) has passed at 11:00 local: tomorrow")
                .isEqualTo(java.time.Instant.parse("2026-03-03T06:15:00Z"));
        assertThat(CallEngine.nextTime(CallEngineHarness.START, java.time.ZoneId.of("Europe/Chisinau"), 11, 2).toInstant())
                .as("less than five minutes ahead: tomorrow").isEqualTo(java.time.Instant.parse("2026-03-03T09:02:00Z"));
        assertThat(CallEngine.nextTime(CallEngineHarness.START, java.time.ZoneId.of("Europe/Chisinau"), 11, 10).toInstant())
                .isEqualTo(java.time.Instant.parse("2026-03-02T09:10:00Z"));
    }

    @Test
    void hashKeepsThePlaceAndAWrongOrClosedTimeIsRefusedWithoutLeavingTheLine() {
        preferredTime(true);
        String caller = queued();
        UUID id = h.interactionId();
        key(caller, '1');
        keys(caller, "2561");
        h.await(() -> spoke("callback-time-invalid-ro"), "the invalid time");

        queue(QUEUE, "Billing", false, h.queues.setups.get(QUEUE).routing()); // the calendar is closed then
        keys(caller, "2300");
        h.await(() -> spoke("callback-time-closed-ro"), "the closed time");
        assertThat(h.queues.told).noneMatch(t -> t.startsWith("cancel"));
        assertThat(h.queues.workList).isEmpty();

        key(caller, '#');
        assertThat(h.queues.told).contains("kept " + id);
        h.await(() -> h.queues.workList.contains("CALLBACK " + id + " " + CALLER), "the kept place's request");
    }

    @Test
    void aCallbackTheCallerDoesNotAnswerGoesBackOnTheList() {
        String caller = queued();
        UUID id = h.interactionId();
        key(caller, '1');
        h.gone(caller, 16);
        offer(id, ANA);
        h.answer(h.awaitOriginate(1));
        Originate back = h.awaitOriginate(2);

        h.gone(back.channelId(), 19);
        h.await(() -> h.queues.workList.stream().anyMatch(w -> w.endsWith("not reached")), "the failed attempt");
        assertThat(h.recorder.ended(id).reason()).isEqualTo("CALLBACK_NO_ANSWER");
        assertThat(h.queues.told.getLast()).as("the agent goes to wrap-up").isEqualTo("finished " + id);
    }

    @Test
    void pressingTwoLeavesAVoicemailThatIsStoredAndRemovedFromTheNode() {
        String caller = queued();
        UUID id = h.interactionId();

        key(caller, '2');
        assertThat(h.queues.told.getLast()).isEqualTo("cancel " + id);
        h.await(() -> h.control.plays.stream().anyMatch(p -> p.mediaUri().contains("voicemail-ro")), "the prompt");
        h.finishPlayback(caller);
        String name = "vm-" + id;
        assertThat(h.control.ops).contains("record " + caller + " " + name);

        h.control.recordings.put(name, "RIFF-message".getBytes());
        h.send(new SwitchEvent.RecordingDone(NODE, h.clock.instant(), name, false, 4000));
        h.await(() -> h.queues.voicemails.containsKey(id), "the stored voicemail");
        assertThat(new String(h.queues.voicemails.get(id))).isEqualTo("RIFF-message");
        h.await(() -> h.control.ops.contains("delete-recording " + name), "the node's copy deleted");
        h.await(() -> h.control.plays.stream().anyMatch(p -> p.mediaUri().contains("voicemail-thanks-ro")),
                "the thanks");
        h.finishPlayback(caller);
        h.gone(caller, 16);
        assertThat(h.recorder.ended(id).reason()).isEqualTo("VOICEMAIL");
        assertThat(h.queues.workList).as("a voicemail is its own item, not a missed call")
                .containsExactly("VOICEMAIL " + id + " " + CALLER);
    }

    @Test
    void aCallerWhoHangsUpWhileRecordingStillLeavesTheMessage() {
        String caller = queued();
        UUID id = h.interactionId();
        overflow(id, OverflowReason.NO_AGENTS);
        h.await(() -> h.control.plays.stream().anyMatch(p -> p.mediaUri().contains("voicemail-ro")), "the prompt");
        h.finishPlayback(caller);
        h.gone(caller, 16);
        assertThat(h.recorder.of(Ended.class)).as("the recording is still running").isEmpty();

        h.control.recordings.put("vm-" + id, "RIFF-short".getBytes());
        h.send(new SwitchEvent.RecordingDone(NODE, h.clock.instant(), "vm-" + id, false, 2000));
        h.await(() -> h.queues.voicemails.containsKey(id), "the stored voicemail");
        h.await(() -> !h.recorder.of(Ended.class).isEmpty(), "the end");
        assertThat(h.recorder.ended(id).reason()).isEqualTo("VOICEMAIL");
    }

    @Test
    void aClosedQueueRunsItsClosedActionWithTheConfiguredMessageAndListsAMissedCall() {
        Overflow overflow = new Overflow(new OverflowAction(OverflowAction.Type.ANNOUNCE_HANGUP, null, null, null,
                "Suntem închiși."), OverflowAction.voicemail(), OverflowAction.voicemail(), OverflowAction.voicemail());
        queue(QUEUE, "Billing", false, rules(overflow, false, false));
        String caller = queued();
        UUID id = h.interactionId();

        assertThat(h.queues.told).as("a closed queue takes nobody in").isEmpty();
        h.await(() -> h.control.plays.stream().anyMatch(p -> p.mediaUri().contains("Suntem închiși.")),
                "the closed message");
        h.finishPlayback(caller);
        assertThat(h.control.hangups()).contains("hangup " + caller + " NORMAL");
        assertThat(h.recorder.events(id)).anyMatch(e -> e.type() == InteractionEvent.Type.OVERFLOWED
                && e.detail().startsWith("CLOSED → ANNOUNCE_HANGUP"));
        h.await(() -> h.queues.workList.contains("MISSED " + id + " " + CALLER), "the missed call");
    }

    @Test
    void aTimedOutCallerMovesToTheBackupQueueKeepingTheirTimeInLine() {
        Overflow overflow = new Overflow(OverflowAction.voicemail(), new OverflowAction(OverflowAction.Type.QUEUE,
                BACKUP, null, null, null), OverflowAction.voicemail(), OverflowAction.voicemail());
        queue(QUEUE, "Billing", true, rules(overflow, false, false));
        queue(BACKUP, "Backup", true, rules(Overflow.defaults(), false, false));
        queued();
        UUID id = h.interactionId();
        var first = h.queues.enqueued.getFirst();

        overflow(id, OverflowReason.TIMEOUT);
        h.await(() -> h.queues.enqueued.size() == 2, "the second enqueue");
        var second = h.queues.enqueued.get(1);
        assertThat(second.queueId()).isEqualTo(BACKUP);
        assertThat(second.enqueuedAt()).isEqualTo(first.enqueuedAt());
        assertThat(second.priority()).isEqualTo(7);
    }

    @Test
    void anOverflowToAnExternalNumberDialsItThroughTheCarrierAndBridges() {
        Overflow overflow = new Overflow(OverflowAction.voicemail(), OverflowAction.voicemail(),
                OverflowAction.voicemail(), new OverflowAction(OverflowAction.Type.NUMBER, null, null, "+37369123456",
                        null));
        queue(QUEUE, "Billing", true, rules(overflow, false, false));
        String caller = queued();
        UUID id = h.interactionId();

        overflow(id, OverflowReason.NO_AGENTS);
        Originate out = h.awaitOriginate(1);
        assertThat(out.endpoint()).isEqualTo("PJSIP/+37369123456@" + CARRIER.endpointId());
        h.answer(out);
        assertThat(h.control.ops).contains("bridge lb-" + id + " " + caller + " " + out.channelId());
        assertThat(h.recorder.events(id)).anyMatch(e -> e.type() == InteractionEvent.Type.OVERFLOWED
                && e.detail().contains("NUMBER +37369123456"));
    }

    @Test
    void aCallbackOfferTakenWithOneListsACallbackAndWithoutAKeyAMissedCall() {
        Overflow overflow = new Overflow(OverflowAction.voicemail(), OverflowAction.voicemail(),
                OverflowAction.voicemail(), new OverflowAction(OverflowAction.Type.CALLBACK_OFFER, null, null, null,
                        null));
        queue(QUEUE, "Billing", true, rules(overflow, false, false));
        String first = queued();
        UUID firstId = h.interactionId();
        overflow(firstId, OverflowReason.NO_AGENTS);
        h.await(() -> h.control.plays.stream().anyMatch(p -> p.mediaUri().contains("callback-offer-ro")), "the offer");
        key(first, '1');
        h.await(() -> h.queues.workList.contains("CALLBACK " + firstId + " " + CALLER), "the callback");

        String second = h.callIn(NUMBER, "+37322000002");
        h.finishPlayback(second);
        UUID secondId = h.interactionId();
        overflow(secondId, OverflowReason.NO_AGENTS);
        h.await(() -> h.control.plays.stream().filter(p -> p.channelId().equals(second))
                .anyMatch(p -> p.mediaUri().contains("callback-offer-ro")), "the offer");
        h.finishPlayback(second);
        h.await(() -> h.queues.workList.contains("MISSED " + secondId + " +37322000002"), "the missed call");
        assertThat(h.control.hangups()).contains("hangup " + second + " NORMAL");
    }

    @Test
    void aNumberRoutedToADeletedQueueAnnouncesAndListsTheCaller() {
        h.queues.setups.clear();
        String caller = queued();
        UUID id = h.interactionId();

        assertThat(h.control.lastPlay(caller).mediaUri()).contains("no-agents-ro");
        h.await(() -> h.queues.workList.contains("MISSED " + id + " " + CALLER), "the missed call");
    }

    /** AGT-03: the agent hands the call to another queue; they go to wrap-up, the caller waits there again. */
    @Test
    void anAgentHandsTheCallToAnotherQueueWhereItIsOfferedAgainWithItsFirstArrival() throws Exception {
        queue(BACKUP, "Complaints", true, rules(Overflow.defaults(), false, false));
        String caller = queued();
        UUID id = h.interactionId();
        Instant arrived = h.queues.enqueued.getFirst().enqueuedAt();
        offer(id, ANA);
        Originate ana = h.awaitOriginate(1);
        h.answer(ana);
        h.clock.advance(Duration.ofSeconds(40));
        refusedToQueue(() -> h.engine.transferToQueue(TENANT, id, BOB.agentId(), BACKUP), HttpStatus.FORBIDDEN,
                "call.not-yours");
        refusedToQueue(() -> h.engine.transferToQueue(TENANT, id, ANA.agentId(), UUID.randomUUID()),
                HttpStatus.NOT_FOUND, "resource.not-found");
        refusedToQueue(() -> h.engine.transferToQueue(OTHER_TENANT, id, ANA.agentId(), BACKUP),
                HttpStatus.NOT_FOUND, "resource.not-found");
        int before = h.control.ops.size();

        h.engine.transferToQueue(TENANT, id, ANA.agentId(), BACKUP).get(5, TimeUnit.SECONDS);
        assertThat(h.control.ops.subList(before, h.control.ops.size())).startsWith("hangup " + ana.channelId()
                + " NORMAL", "destroy-bridge lb-" + id, "moh-start " + caller);
        assertThat(h.queues.told).containsSubsequence("accepted " + id + " " + person(ANA), "finished " + id,
                "enqueue " + id);
        assertThat(h.queues.enqueued.getLast().queueId()).isEqualTo(BACKUP);
        assertThat(h.queues.enqueued.getLast().enqueuedAt()).as("the caller keeps their place in time")
                .isEqualTo(arrived);
        assertThat(h.recorder.events(id)).filteredOn(e -> e.type() == InteractionEvent.Type.TRANSFERRED)
                .extracting(Event::detail).containsExactly("from Ana to queue Complaints");
        h.gone(ana.channelId(), 16);
        assertThat(h.engine.activeCalls()).as("Ana's leg going is not the end of the call").isOne();

        // Bob, a member of the new queue, gets it and talks to the caller in a new bridge
        h.queues.handler.offered(new RoutingEvent.Offered(id, TENANT, BACKUP, Medium.VOICE, person(BOB),
                BOB.agentId(), false, h.clock.instant()));
        h.engine.drain();
        Originate bob = h.awaitOriginate(2);
        assertThat(bob.endpoint()).isEqualTo("PJSIP/ep-bob");
        h.answer(bob);
        assertThat(h.control.ops).contains("bridge lb-" + id + " " + caller + " " + bob.channelId());
        assertThat(h.queues.told.getLast()).isEqualTo("accepted " + id + " " + person(BOB));
        h.gone(caller, 16);
        assertThat(h.recorder.ended(id).reason()).isEqualTo("CALLER_HANGUP");
        assertThat(h.queues.told.getLast()).isEqualTo("finished " + id);
    }

    private static void refusedToQueue(java.util.concurrent.Callable<java.util.concurrent.Future<Void>> request,
            HttpStatus status, String code) {
        assertThatThrownBy(() -> request.call().get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(LineaProblemException.class, problem -> {
                    assertThat(problem.code()).isEqualTo(code);
                    assertThat(problem.status()).isEqualTo(status);
                });
    }
}
