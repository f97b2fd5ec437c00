package io.linea.cc.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.linea.asterisk.testing.AsteriskExtension;
import io.linea.asterisk.testing.AsteriskNode;
import io.linea.asterisk.testing.LocalAsterisk;
import io.linea.asterisk.testing.Sipp;
import io.linea.asterisk.testing.SippResult;
import io.linea.asterisk.testing.SippRun;
import io.linea.cc.Api;
import io.linea.cc.CcCoreApplication;
import io.linea.platform.security.Roles;
import io.linea.platform.testing.EmbeddedDatabaseInitializer;
import io.linea.platform.testing.TestJwtConfiguration;
import io.linea.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Recovery (DESIGN: routing state in memory, recovered from PostgreSQL): cc-core is stopped and started
 * again with 3 callers talking to agents and 10 waiting. No caller is lost, the talking ones stay
 * connected, and the waiting ones reach agents in the order they joined the queue. Two cc-core runs
 * in a row, against the same database and the same Asterisk node.
 */
@LocalAsterisk
class RoutingRestartIntegrationTests {

    private static final String CARRIER_IP = "127.0.0.2";
    private static final int CARRIER_PORT = 25074;
    private static final Duration CALL = Duration.ofSeconds(180);

    private static ConfigurableApplicationContext start(AsteriskNode node) {
        // command-line arguments: they win over application.yml, as @DynamicPropertySource does in other tests
        return new SpringApplicationBuilder(CcCoreApplication.class, TestJwtConfiguration.class)
                .initializers(new EmbeddedDatabaseInitializer())
                .run("--server.port=0", "--linea.telephony.agent-webrtc=false",
                        "--linea.telephony.nodes[0].name=test-node", "--linea.telephony.nodes[0].ari-url=" + node.ariUrl(),
                        "--linea.telephony.nodes[0].user=" + node.ariUser(),
                        "--linea.telephony.nodes[0].password=" + node.ariPassword(),
                        "--linea.telephony.app=" + node.app());
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void tenWaitingAndThreeTalkingCallersSurviveARestartInOrder() throws Exception {
        AsteriskNode node = AsteriskExtension.sharedNode();
        ConfigurableApplicationContext first = start(node);
        List<SippRun> phones = new ArrayList<>();
        List<SippRun> callers = new ArrayList<>();
        try {
            Api platform = Api.platformAdmin(port(first));
            awaitValue("cc-core connected", () -> first.getBean(Telephony.class).connected() ? true : null);
            UUID carrier = NodeTestSupport.carrier(platform, CARRIER_IP, CARRIER_PORT);
            UUID tenant = UUID.randomUUID();
            Api admin = new Api(port(first), TestTokens.person().member(tenant, Roles.TENANT_ADMIN).token(), tenant,
                    null);
            UUID queue = admin.post("/api/cc/queues", Map.of("name", "Main", "serviceLevelSeconds", 20,
                    "wrapUpSeconds", 0, "announcePosition", false, "announceWait", false)).id();
            String number = "+1800555" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
            UUID numberId = platform.post("/api/cc/platform/numbers", Map.of("e164", number, "type", "FREEPHONE",
                    "carrierId", carrier.toString(), "tenantId", tenant.toString())).id();
            admin.put("/api/cc/numbers/" + numberId, Map.of("target", "QUEUE", "queueId", queue.toString(),
                    "version", 0));
            List<UUID> agentIds = new ArrayList<>();
            List<Api> agentApis = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                TestTokens.Person person = TestTokens.person().member(tenant, Roles.AGENT);
                UUID agent = admin.post("/api/cc/agents", Map.of("displayName", "Agent " + i, "userId",
                        person.id().toString(), "reach", "ENDPOINT", "available", true)).id();
                JsonNode credentials = admin.post("/api/cc/agents/" + agent + "/credentials", null).json();
                int sipPort = 27400 + 2 * i;
                awaitValue("registration", () -> Sipp.scenario("register").localIp("127.0.0.1").localPort(sipPort)
                        .remote(node.bind(), node.sipPort()).key("user", credentials.path("sipUsername").asString())
                        .key("password", credentials.path("password").asString()).key("expires", "3600").run()
                        .succeeded() ? true : null);
                // the phones talk until the caller hangs up
                phones.add(Sipp.scenario("answer").localIp("127.0.0.1").localPort(sipPort).key("ring_ms", "200")
                        .key("talk_ms", "0").calls(5).timeout(CALL).start());
                agentIds.add(agent);
                agentApis.add(admin.withToken(person.token()));
            }
            admin.put("/api/cc/queues/" + queue + "/members", Map.of("members", agentIds.stream()
                    .map(a -> Map.of("agentId", a.toString(), "skills", List.of())).toList()));
            agentApis.forEach(a -> a.post("/api/cc/presence/me/login", Map.of("queueId", queue.toString())));

            // the first 3 talk through the restart and hang up 60 s after the call began; each waiting caller
            // hangs up 5 s later than the one before, so each frees an agent for the next in line
            for (int i = 0; i < 13; i++) {
                int talk = 60_000 + Math.max(0, i - 2) * 5_000;
                callers.add(Sipp.scenario("caller").localIp(CARRIER_IP).remote(node.bind(), node.sipPort())
                        .service(number).key("from_user", "+3736901" + String.format("%04d", i))
                        .key("talk_ms", String.valueOf(talk)).timeout(CALL).start());
                Thread.sleep(400); // a known order of arrival
            }
            io.linea.cc.routing.Router router = first.getBean(io.linea.cc.routing.Router.class);
            awaitValue("3 talking and 10 in the queue", () -> {
                JsonNode items = admin.get("/api/cc/interactions?size=50").json().path("items");
                long answered = items.valueStream().filter(i -> i.path("state").asString().equals("ANSWERED")).count();
                return answered == 3 && router.waiting(queue).size() == 10 ? true : null;
            });
            Thread.sleep(1500); // the queue's rows are written through

            // cc-core goes away and comes back
            first.close();
            ConfigurableApplicationContext second = start(node);
            try {
                Api again = new Api(port(second), admin.token(), tenant, null);
                for (SippRun caller : callers) {
                    SippResult result = caller.await(CALL);
                    assertThat(result.succeeded()).as("no caller lost: " + result.describe()).isTrue();
                }
                List<JsonNode> calls = awaitValue("13 ended calls", () -> {
                    List<JsonNode> items = new ArrayList<>();
                    again.get("/api/cc/interactions?size=50").json().path("items").forEach(items::add);
                    return items.size() == 13 && items.stream().allMatch(i -> i.path("state").asString()
                            .equals("ENDED")) ? items : null;
                });
                assertThat(calls).allMatch(c -> !c.path("agentName").isNull(), "every caller reached an agent");
                // order kept: the 10 who waited through the restart were put through to agents in the order they
                // arrived. Compared on the first time each one rang an agent: an agent's phone that fails to
                // answer an offer may let the next caller be answered first, which is fair routing.
                List<JsonNode> waited = calls.stream()
                        .sorted(Comparator.comparing(c -> Instant.parse(c.path("startedAt").asString()))).skip(3)
                        .map(c -> again.get("/api/cc/interactions/" + c.path("id").asString()).json()).toList();
                List<Instant> rang = waited.stream().map(RoutingRestartIntegrationTests::firstRinging).toList();
                String events = waited.stream().map(c -> c.path("remoteNumber").asString() + " "
                        + c.path("events").valueStream().map(e -> e.path("type").asString() + "@"
                                + e.path("at").asString()).toList()).reduce("", (a, b) -> a + "\n" + b);
                for (int i = 1; i < rang.size(); i++) {
                    assertThat(rang.get(i)).as("caller %d rang an agent after caller %d:%s", i, i - 1, events)
                            .isAfterOrEqualTo(rang.get(i - 1).minusMillis(500));
                }
                assertThat(waited).allMatch(c -> Instant.parse(c.path("answeredAt").asString())
                        .isAfter(Instant.parse(calls.stream().map(x -> x.path("answeredAt").asString()).sorted()
                                .toList().get(2))), "waited past the first three");
            } finally {
                second.close();
            }
        } finally {
            if (first.isActive()) {
                first.close();
            }
            phones.forEach(SippRun::close);
            callers.forEach(SippRun::close);
        }
    }

    private static Instant firstRinging(JsonNode detail) {
        return detail.path("events").valueStream().filter(e -> e.path("type").asString().equals("RINGING"))
                .map(e -> Instant.parse(e.path("at").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("never rang an agent: " + detail));
    }

    private static <T> T awaitValue(String what, Supplier<T> found) {
        return NodeTestSupport.await(what, CALL, found);
    }
}
