package io.linea.cc.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

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
import io.linea.asterisk.testing.RtpTap;
import io.linea.asterisk.testing.SipTrace;
import io.linea.asterisk.testing.Sipp;
import io.linea.asterisk.testing.SippResult;
import io.linea.asterisk.testing.SippRun;
import io.linea.cc.Api;
import io.linea.platform.security.Roles;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The telephony acceptance (TEL-01, TEL-02, TEL-04, TEL-05, TEN-02) on a real Asterisk node, with
 * sipp as the carrier (from 127.0.0.2) and as the agents' phones (registered from 127.0.0.1).
 * Agent endpoints are plain SIP here ({@code agent-webrtc=false}): sipp speaks RTP, not DTLS-SRTP.
 */
@LineaIntegrationTest
@LocalAsterisk
// one cc-core per Stasis application: this context leaves the node to the next test class when done
@org.springframework.test.annotation.DirtiesContext
@TestPropertySource(properties = { "linea.telephony.agent-webrtc=false", "linea.telephony.ring-timeout=4s",
        "linea.telephony.retry-pause=500ms", "linea.telephony.max-wait=40s" })
class TelephonyIntegrationTests {

    private static final String CARRIER_IP = "127.0.0.2";
    private static final int CARRIER_PORT = 25070;
    private static final AtomicInteger PORTS = new AtomicInteger(26000);
    private static final Duration CALL = Duration.ofSeconds(60);

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
        awaitTrue("cc-core connected to the node", () -> telephony.connected());
        carrier = NodeTestSupport.carrier(platform, CARRIER_IP, CARRIER_PORT);
    }

    // --- the acceptance scenarios -------------------------------------------------------------------

    @Test
    void callToAFreephoneNumberHearsTheGreetingReachesTheAgentAndCarriesMediaBothWays() throws Exception {
        Tenant a = tenant("FREEPHONE", null);
        Agent agentA = a.agent("Ana", true);
        Tenant b = tenant("MOBILE", null);
        Agent agentB = b.agent("Bogdan", true);

        // TEL-01: tenant A's 0-800 number with the default greeting; at the same time a call to B's mobile number
        try (SippRun phoneA = agentA.answering(1500, 0); SippRun phoneB = agentB.answering(800, 0)) {
            // the default greeting takes about 6 s: caller A speaks once it has reached the agent
            SippRun callerA = Sipp.scenario("caller").localIp(CARRIER_IP).remote(node.bind(), node.sipPort())
                    .service(a.number).key("audio_after_ms", "7000").key("talk_ms", "7000").timeout(CALL).start();
            SippRun callerB = caller(b.number, 11_000);
            try (RtpTap tap = RtpTap.start(callerA.mediaPort(), phoneA.mediaPort())) {
                SippResult callA = callerA.await(CALL);
                SippResult resultB = callerB.await(CALL);
                SippResult agentSide = phoneA.await(CALL);
                RtpTap.RtpCounts rtp = tap.stop();

                assertThat(callA.succeeded()).as(callA.describe()).isTrue();
                assertThat(resultB.succeeded()).as(resultB.describe()).isTrue();
                assertThat(agentSide.succeeded()).as(agentSide.describe()).isTrue();
                // greeting and agent audio reach the caller; the caller's audio reaches the agent, who echoes it
                assertThat(rtp.receivedOn(callerA.mediaPort())).as("RTP to the caller").isGreaterThan(100);
                assertThat(rtp.sentFrom(callerA.mediaPort())).as("RTP from the caller").isGreaterThan(50);
                assertThat(rtp.receivedOn(phoneA.mediaPort())).as("RTP to the agent").isGreaterThan(50);
                assertThat(rtp.sentFrom(phoneA.mediaPort())).as("RTP from the agent").isGreaterThan(50);

                JsonNode interaction = a.awaitInteraction(i -> "ENDED".equals(i.path("state").asString()));
                assertThat(interaction.path("endReason").asString()).isEqualTo("CALLER_HANGUP");
                assertThat(interaction.path("agentName").asString()).isEqualTo("Ana");
                // durations within 1 s of what the agent's phone measured
                Instant invite = agentSide.firstReceived("INVITE").orElseThrow().timestamp();
                Instant answered = agentSide.firstSent("SIP/2.0 200").orElseThrow().timestamp();
                Instant bye = callA.firstSent("BYE").orElseThrow().timestamp();
                double ring = Duration.between(invite, answered).toMillis() / 1000.0;
                double talk = Duration.between(answered, bye).toMillis() / 1000.0;
                assertThat(interaction.path("ringSeconds").asDouble()).isCloseTo(ring, org.assertj.core.data.Offset.offset(1.0));
                assertThat(interaction.path("talkSeconds").asDouble()).isCloseTo(talk, org.assertj.core.data.Offset.offset(1.0));
                JsonNode detail = a.api.get("/api/cc/interactions/" + interaction.path("id").asString()).json();
                assertThat(types(detail)).containsSubsequence("OFFERED", "GREETING", "RINGING", "ANSWERED", "ENDED");
                // the greeting really played: Asterisk fetched it through its HTTP media cache
                assertThat(types(detail)).doesNotContain("FAILED");

                // tenant B sees only its own call, which reached its own agent
                JsonNode ofB = b.awaitInteraction(i -> "ENDED".equals(i.path("state").asString()));
                assertThat(ofB.path("agentName").asString()).isEqualTo("Bogdan");
                assertThat(b.api.get("/api/cc/interactions").json().path("total").asInt()).isEqualTo(1);
                assertThat(b.api.get("/api/cc/interactions/" + interaction.path("id").asString()).status())
                        .isEqualTo(404);
            }
        }
    }

    @Test
    void unknownNumberIsRejectedWithNotFoundAndARemovedNumberAtOnce() {
        SippResult unknown = Sipp.scenario("caller-rejected").localIp(CARRIER_IP).remote(node.bind(), node.sipPort())
                .service("+18009990" + ThreadLocalRandom.current().nextInt(100, 999)).run();
        assertThat(unknown.receivedStatuses()).as(unknown.describe()).contains(404);

        // TEL-02: a number removed through the API is rejected at the next call
        Tenant a = tenant("FREEPHONE", "Hello.");
        assertThat(platform.delete("/api/cc/platform/numbers/" + a.numberId).status()).isEqualTo(204);
        SippResult removed = Sipp.scenario("caller-rejected").localIp(CARRIER_IP).remote(node.bind(), node.sipPort())
                .service(a.number).run();
        assertThat(removed.receivedStatuses()).as(removed.describe()).contains(404);
    }

    @Test
    void anAgentWhoDoesNotAnswerIsSkippedForTheNextOne() throws Exception {
        Tenant a = tenant("FREEPHONE", "Hello.");
        Agent first = a.agent("A first", true);
        Agent second = a.agent("B second", true);
        try (SippRun silent = first.notAnswering(); SippRun answering = second.answering(500, 0)) {
            // greeting, 4 s of ringing the first agent, then the second one answers: hang up after 10 s
            SippResult call = caller(a.number, 10_000).await(CALL);
            assertThat(call.succeeded()).as(call.describe()).isTrue();
            JsonNode interaction = a.awaitInteraction(i -> "ENDED".equals(i.path("state").asString()));
            assertThat(interaction.path("agentName").asString()).isEqualTo("B second");
            JsonNode detail = a.api.get("/api/cc/interactions/" + interaction.path("id").asString()).json();
            assertThat(types(detail)).containsSubsequence("RINGING", "AGENT_NO_ANSWER", "RINGING", "ANSWERED");
            assertThat(silent.await(CALL).firstReceived("CANCEL")).as("the first agent's ringing is cancelled")
                    .isPresent();
        }
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentRingsIsAbandonedAtRinging() throws Exception {
        Tenant a = tenant("FREEPHONE", "Hello.");
        Agent agent = a.agent("Ana", true);
        try (SippRun phone = agent.notAnswering()) {
            // the caller is answered for the greeting, so it leaves with a BYE while the agent rings
            SippResult call = caller(a.number, 3000).await(CALL);
            assertThat(call.succeeded()).as(call.describe()).isTrue();
            JsonNode interaction = a.awaitInteraction(i -> "ABANDONED".equals(i.path("state").asString()));
            assertThat(interaction.path("abandonStage").asString()).isEqualTo("RINGING");
            assertThat(phone.await(CALL).firstReceived("CANCEL")).isPresent();
        }
    }

    @Test
    void anOutboundCallShowsTheTenantNumberAsCallerId() throws Exception {
        Tenant a = tenant("FREEPHONE", "Hello.");
        Agent agent = a.agent("Ana", true);
        String external = "+4420" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        try (SippRun phone = agent.answering(300, 0);
                SippRun farEnd = Sipp.scenario("answer").localIp(CARRIER_IP).localPort(CARRIER_PORT)
                        .key("ring_ms", "500").key("talk_ms", "2000").timeout(CALL).start()) {
            // the agent may not see the number configuration, but may list the numbers it can call from
            assertThat(agent.api().get("/api/cc/numbers").status()).isEqualTo(403);
            Api.Response callerNumbers = agent.api().get("/api/cc/calls/caller-numbers");
            assertThat(callerNumbers.status()).as(callerNumbers.toString()).isEqualTo(200);
            assertThat(callerNumbers.json().valueStream().map(n -> n.path("e164").asString()).toList())
                    .containsExactly(a.number);
            Api.Response placed = agent.api().post("/api/cc/calls", Map.of("numberId", a.numberId.toString(), "to",
                    external));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
            SippResult far = farEnd.await(CALL);
            assertThat(far.succeeded()).as(far.describe()).isTrue();
            SipTrace invite = far.firstReceived("INVITE").orElseThrow();
            assertThat(invite.firstLine()).contains(external);
            assertThat(String.join(" ", invite.headers().getOrDefault("From", List.of()))).contains(a.number);
            JsonNode interaction = a.awaitInteraction(i -> "ENDED".equals(i.path("state").asString()));
            assertThat(interaction.path("direction").asString()).isEqualTo("OUTBOUND");
            assertThat(interaction.path("endReason").asString()).isEqualTo("REMOTE_HANGUP");
            assertThat(phone.await(CALL).succeeded()).isTrue();
        }
    }

    @Test
    void anAgentWhoseEndpointIsNotRegisteredIsReachedOnTheMobileThroughTheTrunk() throws Exception {
        Tenant a = tenant("FREEPHONE", "Hello.");
        String mobile = "+447700" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        a.agentWithMobile("Mobile Maria", mobile);
        try (SippRun mobilePhone = Sipp.scenario("answer").localIp(CARRIER_IP).localPort(CARRIER_PORT)
                .key("ring_ms", "500").key("talk_ms", "0").timeout(CALL).start()) {
            SippResult call = caller(a.number, 4000).await(CALL);
            assertThat(call.succeeded()).as(call.describe()).isTrue();
            SippResult mobileSide = mobilePhone.await(CALL);
            assertThat(mobileSide.firstReceived("INVITE").orElseThrow().firstLine()).contains(mobile);
            JsonNode interaction = a.awaitInteraction(i -> "ENDED".equals(i.path("state").asString()));
            assertThat(interaction.path("agentName").asString()).isEqualTo("Mobile Maria");
        }
    }

    @Test
    void aNodeRestartedMidCallClosesTheCallAndTheNextCallWorks() throws Exception {
        Tenant a = tenant("FREEPHONE", "Hello.");
        Agent agent = a.agent("Ana", true);
        int connections = telephony.connections();
        try (SippRun phone = agent.answering(300, 0); SippRun call = caller(a.number, 60_000)) {
            a.awaitInteraction(i -> "ANSWERED".equals(i.path("state").asString()));
            node.restart();
            // A stopping Asterisk hangs its channels up itself (recorded as that hang-up); one that dies is
            // found out on reconnect (NODE_RESTARTED / NODE_LOST, see CallEngineTests): closed either way.
            JsonNode interrupted = a.awaitInteraction(i -> !Set.of("OFFERED", "RINGING", "ANSWERED")
                    .contains(i.path("state").asString()));
            assertThat(interrupted.path("endReason").asString()).isNotBlank();
            assertThat(interrupted.path("endedAt").isNull()).isFalse();
        }
        // a new connection, with every carrier and endpoint pushed again (the old one may look alive for a moment)
        awaitTrue("cc-core reconnected after the restart", () -> telephony.connections() > connections
                && telephony.connected());
        agent.register();
        try (SippRun phone = agent.answering(300, 0)) {
            SippResult next = caller(a.number, 1500).await(CALL);
            assertThat(next.succeeded()).as(next.describe()).isTrue();
            assertThat(phone.await(CALL).succeeded()).isTrue();
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static List<String> types(JsonNode detail) {
        return detail.path("events").valueStream().map(e -> e.path("type").asString()).toList();
    }

    private SippRun caller(String number, int talkMillis) {
        return Sipp.scenario("caller").localIp(CARRIER_IP).remote(node.bind(), node.sipPort()).service(number)
                .key("talk_ms", String.valueOf(talkMillis)).timeout(CALL).start();
    }

    private Tenant tenant(String type, String greeting) {
        Api api = Api.adminOfNewTenant(port);
        assertThat(api.get("/api/cc/settings").status()).isEqualTo(200);
        String number = (type.equals("MOBILE") ? "+447700" : "+1800555")
                + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Api.Response created = platform.post("/api/cc/platform/numbers", Map.of("e164", number, "type", type,
                "carrierId", carrier.toString(), "tenantId", api.tenant().toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        if (greeting != null) {
            Api.Response routed = api.put("/api/cc/numbers/" + created.id(), Map.of("target", "AGENTS", "greeting",
                    greeting, "version", 0));
            assertThat(routed.status()).as(routed.toString()).isEqualTo(200);
        }
        return new Tenant(api, number, created.id());
    }

    private final class Tenant {
        final Api api;
        final String number;
        final UUID numberId;

        Tenant(Api api, String number, UUID numberId) {
            this.api = api;
            this.number = number;
            this.numberId = numberId;
        }

        Agent agent(String name, boolean register) {
            TestTokens.Person person = TestTokens.person().member(api.tenant(), Roles.AGENT);
            Api.Response created = api.post("/api/cc/agents", Map.of("displayName", name, "userId",
                    person.id().toString(), "reach", "ENDPOINT", "available", true));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            Api.Response credentials = api.post("/api/cc/agents/" + created.id() + "/credentials", null);
            assertThat(credentials.status()).as(credentials.toString()).isEqualTo(201);
            Agent agent = new Agent(api.withToken(person.token()), credentials.json().path("sipUsername").asString(),
                    credentials.json().path("password").asString(), PORTS.getAndAdd(2));
            if (register) {
                agent.register();
            }
            return agent;
        }

        void agentWithMobile(String name, String mobile) {
            Api.Response created = api.post("/api/cc/agents", Map.of("displayName", name, "reach", "ENDPOINT",
                    "mobileE164", mobile, "available", true));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            // credentials exist, but no phone registers them: the endpoint is unreachable
            assertThat(api.post("/api/cc/agents/" + created.id() + "/credentials", null).status()).isEqualTo(201);
        }

        JsonNode awaitInteraction(Predicate<JsonNode> condition) {
            JsonNode[] found = new JsonNode[1];
            awaitTrue("an interaction of the tenant matching the condition", () -> {
                for (JsonNode item : api.get("/api/cc/interactions").json().path("items")) {
                    if (condition.test(item)) {
                        found[0] = item;
                        return true;
                    }
                }
                return false;
            });
            return found[0];
        }
    }

    private record Agent(Api api, String sipUsername, String password, int sipPort) {

        /** Registers the agent's phone; retried while the endpoint's push is still under way. */
        void register() {
            AsteriskNode node = AsteriskExtension.sharedNode();
            awaitTrue("registration of " + sipUsername, () -> Sipp.scenario("register").localIp("127.0.0.1")
                    .localPort(sipPort).remote(node.bind(), node.sipPort()).key("user", sipUsername)
                    .key("password", password).key("expires", "3600").run().succeeded());
        }

        SippRun answering(int ringMillis, int talkMillis) {
            return Sipp.scenario("answer").localIp("127.0.0.1").localPort(sipPort)
                    .key("ring_ms", String.valueOf(ringMillis)).key("talk_ms", String.valueOf(talkMillis))
                    .timeout(CALL).start();
        }

        SippRun notAnswering() {
            return Sipp.scenario("no-answer").localIp("127.0.0.1").localPort(sipPort).timeout(CALL).start();
        }
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(CALL);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
