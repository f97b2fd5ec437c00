package io.linea.cc.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

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
import io.linea.asterisk.testing.SippRun;
import io.linea.asterisk.testing.SippStatistics;
import io.linea.cc.Api;
import io.linea.cc.prompt.Prompts;
import io.linea.platform.testing.LineaIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark B4, end to end (ACD-02 … ACD-04): how long a caller who joins a queue waits until an agent's
 * phone is being called, when free agents are there, under a sipp load. Not a test: surefire's default
 * includes skip {@code *Benchmark}; {@code benchmarks/run-b4-e2e.sh} runs it.
 * <p>
 * Both paths use the same node, the same caller (sipp from a carrier address, G.711 A-law, gives up
 * {@code TALK_MS} after the answer if no agent has answered and hung up by then), the same greeting and
 * the same agents: {@code AGENTS} mobiles on the carrier trunk, one sipp answering them all after 50 ms and
 * hanging up 100 ms later. At each rate both paths run in turn:
 * <ul>
 * <li><b>baseline</b>: Asterisk's own ACD, {@code app_queue}: a dialplan {@code Answer()},
 * {@code Playback()} of the greeting, then {@code Queue()} of a queue whose members are the agents'
 * mobiles, strategy {@code leastrecent} (longest idle), no announcements. Measured from the ARI events of
 * an observer subscribed to everything: the caller's {@code ChannelDialplan} entering {@code Queue} to the
 * {@code Dial} event of its first member channel (Asterisk's clock, millisecond timestamps).</li>
 * <li><b>Linea</b>: a tenant's number routed to a queue with the same agents logged in, strategy longest
 * idle, the same greeting, no announcements. Measured by cc-core ({@code linea.routing.offer.latency}): the
 * call joining the queue to Asterisk accepting the originate of the first agent offered, which takes in
 * the routing decision, the agent look-up and every ARI request queued before it on the call.</li>
 * </ul>
 * The observer stays connected through both paths, so both carry its events.
 */
@LineaIntegrationTest
@LocalAsterisk
@TestPropertySource(properties = { "linea.telephony.agent-webrtc=false", "linea.telephony.ring-timeout=10s",
        "linea.telephony.max-wait=60s" })
class RoutingOfferBenchmark {

    private static final String CARRIER_IP = "127.0.0.2";
    private static final String BASELINE_IP = "127.0.0.3";
    private static final int CARRIER_PORT = intSetting("linea.bench.carrier-port", 35070);
    private static final int TALK_MS = intSetting("linea.bench.talk-ms", 5000);
    private static final int SECONDS = intSetting("linea.bench.seconds", 20);
    private static final int AGENTS = intSetting("linea.bench.agents", 1000);
    private static final int[] RATES = Arrays.stream(System.getProperty("linea.bench.rates", "25,50,100,200")
            .split(",")).mapToInt(r -> Integer.parseInt(r.trim())).toArray();
    private static final double P99_TARGET_MS = 10;
    private static final String BASELINE_QUEUE = "b4-baseline";
    private static final String GREETING = "Hello.";
    private static final DateTimeFormatter ARI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Path OUTPUT = Path.of(System.getProperty("linea.bench.output",
            "../docs/benchmarks/b4-offer.md"));
    private static final String COMMAND = System.getProperty("linea.bench.command", "benchmarks/run-b4-e2e.sh");

    @LocalServerPort
    int port;

    @Autowired
    Telephony telephony;

    @Autowired
    Prompts prompts;

    private AsteriskNode node;
    private final List<String> log = new ArrayList<>();
    /** Linea's offers, in milliseconds, as cc-core records them. */
    private final ConcurrentLinkedQueue<Double> lineaOffers = new ConcurrentLinkedQueue<>();
    /** app_queue's offers, in milliseconds, from the observer's events. */
    private final ConcurrentLinkedQueue<Double> baselineOffers = new ConcurrentLinkedQueue<>();
    private final Map<String, Instant> joined = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry properties) {
        NodeTestSupport.nodeProperties(properties);
    }

    @Test
    void offerLatency() throws Exception {
        node = AsteriskExtension.sharedNode();
        Api platform = Api.platformAdmin(port);
        NodeTestSupport.await("cc-core connected to the node", Duration.ofSeconds(60),
                () -> telephony.connected() ? Boolean.TRUE : null);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        telephony.onOfferLatency(d -> lineaOffers.add(d.toNanos() / 1e6));

        Api.Response carrier = platform.post("/api/cc/platform/carriers", Map.of("name", "Bench carrier "
                + UUID.randomUUID(), "host", CARRIER_IP, "port", CARRIER_PORT, "transport", "udp", "codecs",
                List.of("alaw", "ulaw"), "matchCidrs", List.of(CARRIER_IP + "/32"), "enabled", true));
        assertThat(carrier.status()).as(carrier.toString()).isEqualTo(201);
        String trunk = "trunk-" + carrier.id();

        // Linea: a queue, its number (no greeting) and the agents, logged in and reached on their mobiles
        Api tenant = Api.adminOfNewTenant(port);
        UUID queue = tenant.post("/api/cc/queues", Map.of("name", "B4", "serviceLevelSeconds", 20, "strategy",
                "LONGEST_IDLE", "wrapUpSeconds", 0, "ringTimeoutSeconds", 10, "callbackOffer", false,
                "announcePosition", false, "announceWait", false)).id();
        assertThat(queue).isNotNull();
        String number = "+1800555" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Api.Response created = platform.post("/api/cc/platform/numbers", Map.of("e164", number, "type", "FREEPHONE",
                "carrierId", carrier.id().toString(), "tenantId", tenant.tenant().toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response routed = tenant.put("/api/cc/numbers/" + created.id(), Map.of("target", "QUEUE", "queueId",
                queue.toString(), "priority", 0, "greeting", GREETING, "version", 0));
        assertThat(routed.status()).as(routed.toString()).isEqualTo(200);
        List<UUID> agents = new ArrayList<>();
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < AGENTS; i++) {
            String mobile = String.format("+4477009%05d", i);
            Api.Response agent = tenant.post("/api/cc/agents", Map.of("displayName", String.format("Agent %04d", i),
                    "reach", "MOBILE", "mobileE164", mobile, "available", true));
            assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
            agents.add(agent.id());
            // app_queue asks the device state of a member's interface; "PJSIP/number@trunk" names no
            // endpoint (invalid, never rung), so each member's state comes from a custom device of its own
            members.append("member => PJSIP/").append(mobile).append('@').append(trunk).append(",0,Agent ")
                    .append(i).append(",Custom:b4-agent-").append(i).append('\n');
        }
        Api.Response set = tenant.put("/api/cc/queues/" + queue + "/members", Map.of("members", agents.stream()
                .map(a -> Map.of("agentId", a.toString(), "skills", List.of())).toList()));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        for (UUID agent : agents) {
            Api.Response in = tenant.post("/api/cc/presence/agents/" + agent + "/login", Map.of("queueId",
                    queue.toString()));
            assertThat(in.status()).as(in.toString()).isEqualTo(200);
        }

        // the baseline: the same greeting, then app_queue with the same agents, for calls from a second address
        String language = tenant.get("/api/cc/settings").json().path("defaultLanguage").asString("en");
        String greetingUrl = prompts.mediaUri(GREETING, language).replaceFirst("^sound:", "");
        node.writeConfigFile("queues.conf", """
                [general]
                persistentmembers = no
                autofill = yes
                shared_lastcall = no

                [%s]
                strategy = leastrecent
                timeout = 10
                retry = 1
                wrapuptime = 0
                ; the members' custom devices are never set busy; app_queue knows whom it bridged
                ringinuse = no
                joinempty = yes
                leavewhenempty = no
                announce-frequency = 0
                periodic-announce-frequency = 0
                announce-position = no
                musicclass = default
                %s""".formatted(BASELINE_QUEUE, members));
        note("module load app_queue: " + node.cli("module load app_queue.so").strip());
        note("queue: " + node.cli("queue show " + BASELINE_QUEUE).lines().findFirst().orElse("?"));
        Map<String, String> endpoint = new LinkedHashMap<>();
        endpoint.put("transport", "transport-udp");
        endpoint.put("context", "linea-bench-b4");
        endpoint.put("disallow", "all");
        endpoint.put("allow", "alaw,ulaw");
        endpoint.put("direct_media", "no");
        endpoint.put("rtp_symmetric", "yes");
        endpoint.put("force_rport", "yes");
        node.pushConfig("res_pjsip", "endpoint", "bench-b4", endpoint);
        node.pushConfig("res_pjsip", "identify", "bench-b4", Map.of("endpoint", "bench-b4", "match", BASELINE_IP
                + "/32"));
        for (String pattern : List.of("_X.", "_+X.")) {
            node.cli("dialplan add extension " + pattern + ",1,Answer() into linea-bench-b4 replace");
            node.cli("dialplan add extension " + pattern + ",2,Playback(" + greetingUrl
                    + ") into linea-bench-b4 replace");
            node.cli("dialplan add extension " + pattern + ",3,Queue(" + BASELINE_QUEUE
                    + ",,,,60) into linea-bench-b4 replace");
            node.cli("dialplan add extension " + pattern + ",4,Hangup() into linea-bench-b4 replace");
        }

        WebSocket observer = observe();
        try {
            // warm both paths up (JIT, caches) without keeping their numbers
            point("Linea", number, 10, SECONDS);
            point("baseline", "+447700900000", 10, SECONDS);
            List<Point[]> pairs = new ArrayList<>();
            for (int rate : RATES) {
                Point baseline = point("baseline", "+447700900000", rate, SECONDS);
                Point linea = point("Linea", number, rate, SECONDS);
                pairs.add(new Point[] { baseline, linea });
            }
            write(loadBefore, pairs);
        } finally {
            observer.abort();
            node.cli("module unload app_queue.so");
        }
    }

    // --- the observer of app_queue ------------------------------------------------------------------

    private WebSocket observe() {
        String apiKey = URLEncoder.encode(node.ariUser() + ":" + node.ariPassword(), StandardCharsets.UTF_8);
        URI uri = URI.create(node.ariUrl().replaceFirst("^http", "ws") + "/ari/events?app=b4-observer"
                + "&subscribeAll=true&api_key=" + apiKey);
        return HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    observed(text.toString());
                    text.setLength(0);
                }
                socket.request(1);
                return CompletableFuture.completedFuture(null);
            }
        }).join();
    }

    private void observed(String message) {
        JsonNode event = Api.JSON.readTree(message);
        String type = event.path("type").asString("");
        if ("ChannelDialplan".equals(type) && "Queue".equals(event.path("dialplan_app").asString(""))) {
            joined.putIfAbsent(event.path("channel").path("id").asString(), time(event));
        } else if ("Dial".equals(type) && event.path("dialstatus").asString("").isEmpty()) {
            Instant since = joined.remove(event.path("caller").path("id").asString(""));
            if (since != null) {
                baselineOffers.add(Duration.between(since, time(event)).toNanos() / 1e6);
            }
        }
    }

    private static Instant time(JsonNode event) {
        return OffsetDateTime.parse(event.path("timestamp").asString(), ARI_TIME).toInstant();
    }

    // --- load points ----------------------------------------------------------------------------------

    private record Point(String path, int rate, int calls, SippStatistics caller, SippStatistics agents,
            double[] offers) {

        double percentile(double q) {
            if (offers.length == 0) {
                return Double.NaN;
            }
            return offers[(int) Math.min(offers.length - 1, Math.ceil(q * offers.length) - 1)];
        }

        boolean complete() {
            return caller.failed() == 0 && caller.successful() == calls && offers.length == calls;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %s |", path,
                    rate, calls, caller.successful(), caller.failed(), offers.length, percentile(0.5),
                    percentile(0.95), percentile(0.99), offers.length == 0 ? Double.NaN : offers[offers.length - 1],
                    complete() && percentile(0.99) <= P99_TARGET_MS ? "p99 ≤ 10 ms"
                            : complete() ? "p99 > 10 ms" : "calls lost");
        }
    }

    private boolean unsettled;

    private Point point(String path, String dialled, int rate, int seconds) throws Exception {
        quiesce();
        if (unsettled) {
            // PJSIP retransmits an unanswered INVITE for 32 s (timer B); the next far end would take them
            Thread.sleep(35_000);
        }
        lineaOffers.clear();
        baselineOffers.clear();
        joined.clear();
        int calls = rate * seconds;
        Duration limit = Duration.ofSeconds(seconds + 120L);
        String localIp = "baseline".equals(path) ? BASELINE_IP : CARRIER_IP;
        try (SippRun agents = Sipp.scenario("answer").localIp(CARRIER_IP).localPort(CARRIER_PORT).load()
                .key("ring_ms", "50").key("talk_ms", "100").calls(calls).timeout(limit).start()) {
            Thread.sleep(300);
            SippRun caller = Sipp.scenario("caller").localIp(localIp).remote(node.bind(), node.sipPort())
                    .service(dialled).load().rate(rate).calls(calls).key("talk_ms", Integer.toString(TALK_MS))
                    .timeout(limit).start();
            caller.await(limit.plusSeconds(10));
            Instant deadline = Instant.now().plusSeconds(10);
            while (agents.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            Thread.sleep(1500);
            double[] offers = ("baseline".equals(path) ? baselineOffers : lineaOffers).stream()
                    .mapToDouble(Double::doubleValue).sorted().toArray();
            Point point = new Point(path, rate, calls, caller.statistics(), agents.statistics(), offers);
            agents.close();
            unsettled = point.agents().failed() > 0 || point.caller().failed() > 0;
            note(String.format(Locale.ROOT, "%s %d calls/s: %d offers, p50 %.1f ms, p99 %.1f ms; caller %s; "
                    + "agents %s", path, rate, offers.length, point.percentile(0.5), point.percentile(0.99),
                    point.caller(), point.agents()));
            return point;
        }
    }

    private void quiesce() throws InterruptedException {
        NodeTestSupport.await("the node to have no channels", Duration.ofSeconds(60),
                () -> Api.JSON.readTree(node.ariRequest("GET", "/channels", null).body()).isEmpty() ? Boolean.TRUE
                        : null);
        NodeTestSupport.await("cc-core to have no calls", Duration.ofSeconds(60),
                () -> telephony.activeCalls() == 0 ? Boolean.TRUE : null);
        Thread.sleep(2000);
    }

    // --- report ---------------------------------------------------------------------------------------

    private void write(double loadBefore, List<Point[]> pairs) throws IOException {
        StringBuilder out = new StringBuilder();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(
                ZoneOffset.UTC));
        out.append("\n## Run of ").append(when).append("\n\n");
        out.append(String.format(Locale.ROOT, "Command: `%s`. %d cores, load average %.1f before the run; "
                + "Asterisk node `%s`; %d agents; every call talks %d ms after the answer; %d s per load point.%n%n",
                COMMAND, Runtime.getRuntime().availableProcessors(), loadBefore, node.name(), AGENTS, TALK_MS,
                SECONDS));
        out.append("| rate (calls/s) | app_queue p50 ms | app_queue p99 ms | Linea p50 ms | Linea p99 ms | "
                + "ratio at p99 (Linea / app_queue) | Linea p99 ≤ 10 ms |\n|---:|---:|---:|---:|---:|---:|---|\n");
        for (Point[] pair : pairs) {
            Point baseline = pair[0];
            Point linea = pair[1];
            out.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.2f× | %s |%n", linea.rate(),
                    baseline.percentile(0.5), baseline.percentile(0.99), linea.percentile(0.5), linea.percentile(0.99),
                    linea.percentile(0.99) / baseline.percentile(0.99), !linea.complete() ? "calls lost"
                            : linea.percentile(0.99) <= P99_TARGET_MS ? "yes" : "no"));
        }
        out.append("\n| path | rate | calls | succeeded | failed | offers measured | p50 ms | p95 ms | p99 ms | max ms "
                + "| verdict |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Point[] pair : pairs) {
            out.append(pair[0].row()).append('\n').append(pair[1].row()).append('\n');
        }
        out.append("\n<details><summary>Log</summary>\n\n```\n");
        log.forEach(line -> out.append(line).append('\n'));
        out.append("```\n</details>\n");
        System.out.println(out);
        Files.createDirectories(OUTPUT.toAbsolutePath().getParent());
        Files.writeString(OUTPUT, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Files.writeString(Path.of("target", "b4-offer-latest.md"), out.toString(), StandardCharsets.UTF_8);
    }

    private void note(String line) {
        String stamped = Instant.now() + " " + line;
        log.add(stamped);
        System.out.println(stamped);
    }

    private static int intSetting(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }
}
