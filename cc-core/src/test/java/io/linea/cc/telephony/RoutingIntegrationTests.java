package io.linea.cc.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.linea.asterisk.testing.AsteriskExtension;
import io.linea.asterisk.testing.AsteriskNode;
import io.linea.asterisk.testing.LocalAsterisk;
import io.linea.asterisk.testing.Sipp;
import io.linea.asterisk.testing.SippResult;
import io.linea.asterisk.testing.SippRun;
import io.linea.cc.Api;
import io.linea.platform.security.Roles;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The routing acceptance on a real Asterisk node (ACD-01 … ACD-14, IVR-09): sipp is the carrier (from
 * 127.0.0.2) and the agents' phones; callers reach a queue through a tenant number, agents log in
 * through the presence API, and everything is checked through the public API.
 */
@LineaIntegrationTest
@LocalAsterisk
// one cc-core per Stasis application: this context leaves the node to the next test class when done
@org.springframework.test.annotation.DirtiesContext
@TestPropertySource(properties = { "linea.telephony.agent-webrtc=false", "linea.telephony.key-wait=3s" })
class RoutingIntegrationTests {

    private static final String CARRIER_IP = "127.0.0.2";
    private static final int CARRIER_PORT = 25072;
    private static final AtomicInteger PORTS = new AtomicInteger(27000);
    private static final Duration CALL = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @Autowired
    Telephony telephony;

    private AsteriskNode node;
    private Api platform;
    private UUID carrier;

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry properties) {
        NodeTestSupport.nodeProperties(properties);
    }

    @BeforeEach
    void carrier() {
        node = AsteriskExtension.sharedNode();
        platform = Api.platformAdmin(port);
        awaitTrue("cc-core connected to the node", () -> telephony.connected() ? true : null);
        carrier = NodeTestSupport.carrier(platform, CARRIER_IP, CARRIER_PORT);
    }

    /**
     * 20 callers, 5 agent phones: a VIP caller overtakes everybody waiting, a caller who presses 1 hangs up
     * and is called back through an agent when the turn comes, and a caller who gives up is abandoned in
     * the queue and listed as a missed call.
     */
    @Test
    void twentyCallersFiveAgentsPriorityCallbackAndAbandon() throws Exception {
        Api admin = Api.adminOfNewTenant(port);
        Map<String, Object> rules = new HashMap<>(Map.of("name", "Main", "serviceLevelSeconds", 20,
                "strategy", "LONGEST_IDLE", "wrapUpSeconds", 0, "ringTimeoutSeconds", 10, "callbackOffer", true,
                "announceIntervalSeconds", 15));
        UUID queue = admin.post("/api/cc/queues", rules).id();
        String regular = number(admin, queue, 0);
        String vip = number(admin, queue, 9);
        List<Agent> agents = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            agents.add(agent(admin, "Agent " + i));
        }
        members(admin, queue, agents);
        agents.forEach(a -> login(a, queue));

        List<SippRun> phones = new ArrayList<>();
        List<SippRun> callers = new ArrayList<>();
        try (SippRun callbackLeg = Sipp.scenario("answer").localIp(CARRIER_IP).localPort(CARRIER_PORT)
                .key("ring_ms", "200").key("talk_ms", "0").calls(1).timeout(CALL).start()) {
            for (Agent agent : agents) {
                phones.add(agent.answering(300, 4000, 8));
            }
            for (int i = 0; i < 16; i++) {
                callers.add(caller(regular, "+3736900" + String.format("%04d", i), 120_000, null));
            }
            Thread.sleep(1000);
            SippRun gives = caller(regular, "+37369009001", 12_000, null);
            SippRun callback = caller(regular, "+37369009002", 120_000, "1");
            Thread.sleep(3000);
            SippRun vipCaller = caller(vip, "+37369009009", 120_000, null);

            for (SippRun call : callers) {
                SippResult result = call.await(CALL);
                assertThat(result.succeeded()).as(result.describe()).isTrue();
            }
            assertThat(vipCaller.await(CALL).succeeded()).isTrue();
            assertThat(gives.await(CALL).succeeded()).isTrue();
            assertThat(callback.await(CALL).succeeded()).as("the callback caller is hung up after pressing 1")
                    .isTrue();
            SippResult back = callbackLeg.await(CALL);
            assertThat(back.succeeded()).as(back.describe()).isTrue();
            assertThat(back.firstReceived("INVITE").orElseThrow().firstLine()).contains("+37369009002");

            List<JsonNode> calls = awaitInteractions(admin, 19, i -> !i.path("state").asString().equals("OFFERED")
                    && !i.path("state").asString().equals("RINGING") && !i.path("state").asString().equals("ANSWERED"));
            Map<String, JsonNode> byCaller = new HashMap<>();
            calls.forEach(c -> byCaller.put(c.path("remoteNumber").asString(), c));

            // ACD-04: the VIP caller overtook everyone still waiting when it joined
            JsonNode vipCall = detail(admin, byCaller.get("+37369009009"));
            Instant vipQueued = at(vipCall, "QUEUED");
            Instant vipRang = at(vipCall, "RINGING");
            int overtaken = 0;
            for (int i = 0; i < 16; i++) {
                JsonNode call = detail(admin, byCaller.get("+3736900" + String.format("%04d", i)));
                Instant rang = at(call, "RINGING");
                // An agent freed in the same instant as the VIP joined may already have been given another caller
                // (the router saw the agent first); one second later the VIP comes before everybody.
                if (rang.isAfter(vipQueued.plusSeconds(1))) {
                    assertThat(rang).as("offered after the VIP").isAfterOrEqualTo(vipRang);
                    overtaken++;
                }
            }
            assertThat(overtaken).as("the VIP found callers waiting").isPositive();

            // ACD-14: the caller who gave up, abandoned in the queue and on the work list
            JsonNode gave = byCaller.get("+37369009001");
            assertThat(gave.path("state").asString()).isEqualTo("ABANDONED");
            assertThat(gave.path("abandonStage").asString()).isEqualTo("WAITING");

            // ACD-10: the callback reached an agent and is done on the list
            JsonNode calledBack = detail(admin, byCaller.get("+37369009002"));
            assertThat(types(calledBack)).containsSubsequence("QUEUED", "CALLBACK_REQUESTED", "RINGING", "ANSWERED");
            JsonNode list = admin.get("/api/cc/callbacks?status=ALL").json();
            assertThat(list.path("items")).anyMatch(item -> item.path("kind").asString().equals("CALLBACK")
                    && item.path("number").asString().equals("+37369009002")
                    && item.path("outcome").asString().equals("REACHED"));
            assertThat(list.path("items")).anyMatch(item -> item.path("kind").asString().equals("MISSED")
                    && item.path("number").asString().equals("+37369009001"));
        } finally {
            phones.forEach(SippRun::close);
            callers.forEach(SippRun::close);
        }
    }

    /** IVR-08, IVR-09: after hours the caller leaves a message, stored encrypted and playable through the API. */
    @Test
    void afterHoursACallerLeavesAVoicemailThatIsPlayableThroughTheApi() throws Exception {
        Api admin = Api.adminOfNewTenant(port);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID calendar = admin.post("/api/cc/calendars", Map.of("name", "Office", "timeZone", "UTC", "weeklyHours",
                List.of(), "holidays", List.of(Map.of("date", today.toString(), "name", "Closed today"),
                        Map.of("date", today.plusDays(1).toString(), "name", "Closed tomorrow")))).id();
        UUID queue = admin.post("/api/cc/queues", Map.of("name", "Office hours", "serviceLevelSeconds", 20,
                "calendarId", calendar.toString())).id();
        String number = number(admin, queue, 0);

        SippResult call = Sipp.scenario("caller").localIp(CARRIER_IP).remote(node.bind(), node.sipPort())
                .service(number).key("from_user", "+37369008001").key("audio_after_ms", "9000")
                .key("talk_ms", "20000").timeout(CALL).run();
        assertThat(call.succeeded()).as(call.describe()).isTrue();

        JsonNode item = awaitTrue("the voicemail on the work list", () -> {
            JsonNode items = admin.get("/api/cc/callbacks?kind=VOICEMAIL").json().path("items");
            return items.isEmpty() ? null : items.get(0);
        });
        assertThat(item.path("number").asString()).isEqualTo("+37369008001");
        assertThat(item.path("voicemail").path("durationMs").asLong()).isPositive();
        Api.Response audio = admin.get("/api/cc/voicemails/" + item.path("voicemail").path("id").asString()
                + "/audio");
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.raw()).startsWith("RIFF");
        assertThat(audio.raw().length()).as("seconds of 8 kHz audio").isGreaterThan(16_000);
        JsonNode interaction = detail(admin, awaitInteractions(admin, 1, i -> i.path("state").asString()
                .equals("ENDED")).getFirst());
        assertThat(interaction.path("endReason").asString()).isEqualTo("VOICEMAIL");
        assertThat(types(interaction)).contains("OVERFLOWED", "VOICEMAIL").doesNotContain("FAILED");
        assertThat(Api.adminOfNewTenant(port).get("/api/cc/voicemails/" + item.path("voicemail").path("id")
                .asString() + "/audio").status()).as("another tenant").isEqualTo(404);
    }

    /** IVR-04, ACD-08: nobody logged in, so the announcement plays and the no-agents action runs. */
    @Test
    void withNoAgentLoggedInTheAnnouncementPlaysAndTheOverflowActionRuns() throws Exception {
        Api admin = Api.adminOfNewTenant(port);
        UUID queue = admin.post("/api/cc/queues", Map.of("name", "Night", "serviceLevelSeconds", 20, "overflow",
                Map.of("noAgents", Map.of("type", "ANNOUNCE_HANGUP", "message",
                        "Nobody can take your call now. Please call again tomorrow.")))).id();
        String number = number(admin, queue, 0);
        Agent idle = agent(admin, "Idle");
        members(admin, queue, List.of(idle)); // a member, never logged in

        SippResult call = Sipp.scenario("caller").localIp(CARRIER_IP).remote(node.bind(), node.sipPort())
                .service(number).key("from_user", "+37369008002").key("talk_ms", "60000").timeout(CALL).run();
        assertThat(call.succeeded()).as(call.describe()).isTrue();
        assertThat(call.firstReceived("BYE")).as("Linea hangs up after the announcement").isPresent();

        JsonNode interaction = detail(admin, awaitInteractions(admin, 1, i -> i.path("state").asString()
                .equals("ENDED")).getFirst());
        assertThat(interaction.path("events")).anyMatch(e -> e.path("type").asString().equals("OVERFLOWED")
                && e.path("detail").asString().startsWith("NO_AGENTS → ANNOUNCE_HANGUP"));
        assertThat(types(interaction)).doesNotContain("FAILED");
        JsonNode missed = awaitTrue("the missed call", () -> {
            JsonNode items = admin.get("/api/cc/callbacks?kind=MISSED").json().path("items");
            return items.isEmpty() ? null : items.get(0);
        });
        assertThat(missed.path("number").asString()).isEqualTo("+37369008002");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private String number(Api admin, UUID queue, int priority) {
        String e164 = "+1800555" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Api.Response created = platform.post("/api/cc/platform/numbers", Map.of("e164", e164, "type", "FREEPHONE",
                "carrierId", carrier.toString(), "tenantId", admin.tenant().toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response routed = admin.put("/api/cc/numbers/" + created.id(), Map.of("target", "QUEUE", "queueId",
                queue.toString(), "priority", priority, "version", 0));
        assertThat(routed.status()).as(routed.toString()).isEqualTo(200);
        return e164;
    }

    private SippRun caller(String number, String from, int talkMillis, String keys) {
        Sipp sipp = Sipp.scenario("caller").localIp(CARRIER_IP).remote(node.bind(), node.sipPort()).service(number)
                .key("from_user", from).key("talk_ms", String.valueOf(talkMillis)).timeout(CALL);
        if (keys != null) {
            // after the greeting, once in the queue
            sipp.key("dtmf", keys).key("dtmf_after_ms", "8000");
        }
        return sipp.start();
    }

    private record Agent(Api api, UUID id, String sipUsername, String password, int sipPort) {

        SippRun answering(int ringMillis, int talkMillis, int calls) {
            return Sipp.scenario("answer").localIp("127.0.0.1").localPort(sipPort)
                    .key("ring_ms", String.valueOf(ringMillis)).key("talk_ms", String.valueOf(talkMillis))
                    .calls(calls).timeout(CALL).start();
        }
    }

    private Agent agent(Api admin, String name) {
        TestTokens.Person person = TestTokens.person().member(admin.tenant(), Roles.AGENT);
        Api.Response created = admin.post("/api/cc/agents", Map.of("displayName", name, "userId",
                person.id().toString(), "reach", "ENDPOINT", "available", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response credentials = admin.post("/api/cc/agents/" + created.id() + "/credentials", null);
        Agent agent = new Agent(admin.withToken(person.token()), created.id(),
                credentials.json().path("sipUsername").asString(), credentials.json().path("password").asString(),
                PORTS.getAndAdd(2));
        awaitTrue("registration of " + name, () -> Sipp.scenario("register").localIp("127.0.0.1")
                .localPort(agent.sipPort()).remote(node.bind(), node.sipPort()).key("user", agent.sipUsername())
                .key("password", agent.password()).key("expires", "3600").run().succeeded() ? Boolean.TRUE : null);
        return agent;
    }

    private static void members(Api admin, UUID queue, List<Agent> agents) {
        Api.Response set = admin.put("/api/cc/queues/" + queue + "/members", Map.of("members", agents.stream()
                .map(a -> Map.of("agentId", a.id().toString(), "skills", List.of())).toList()));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    private static void login(Agent agent, UUID queue) {
        Api.Response in = agent.api().post("/api/cc/presence/me/login", Map.of("queueId", queue.toString()));
        assertThat(in.json().path("state").asString()).as(in.toString()).isEqualTo("AVAILABLE");
    }

    private static List<JsonNode> awaitInteractions(Api admin, int count, java.util.function.Predicate<JsonNode> done) {
        return awaitTrue(count + " finished interactions", () -> {
            List<JsonNode> found = new ArrayList<>();
            admin.get("/api/cc/interactions?size=100").json().path("items").forEach(found::add);
            return found.size() >= count && found.stream().allMatch(done) ? found : null;
        });
    }

    private static JsonNode detail(Api admin, JsonNode interaction) {
        assertThat(interaction).as("interaction").isNotNull();
        return admin.get("/api/cc/interactions/" + interaction.path("id").asString()).json();
    }

    private static Instant at(JsonNode detail, String type) {
        return detail.path("events").valueStream().filter(e -> e.path("type").asString().equals(type))
                .map(e -> Instant.parse(e.path("at").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + detail));
    }

    private static List<String> types(JsonNode detail) {
        return detail.path("events").valueStream().map(e -> e.path("type").asString()).toList();
    }

    private static <T> T awaitTrue(String what, java.util.function.Supplier<T> found) {
        return NodeTestSupport.await(what, CALL, found);
    }
}
