package io.linea.cc.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;

/**
 * Benchmarks B1 (call capacity) and B3 (ARI events) of the telephony core (TEL-01, TEL-03). Not a
 * test: surefire's default includes skip {@code *Benchmark}; {@code benchmarks/run-b1-b3.sh} runs it.
 * <p>
 * Both paths use the same node, the same caller (sipp from a carrier address, G.711 A-law RTP, hangs
 * up {@code TALK_MS} after the answer) and the same far end (sipp on the carrier trunk, echoing RTP):
 * <ul>
 * <li><b>baseline</b>: a plain dialplan: {@code Answer()}, the same greeting with {@code Playback()}
 * from cc-core over the HTTP media cache, {@code Dial()} to the trunk with music on hold;</li>
 * <li><b>Linea</b>: the dialled number is a tenant's 0-800 number; cc-core answers over ARI, plays the
 * greeting, starts music on hold, picks the longest-idle agent and dials its mobile through the same
 * trunk, then bridges.</li>
 * </ul>
 * A load point passes when every call succeeded at the caller, every call reached the far end, and
 * the caller's INVITE → 200 OK p99 is under 200 ms. The highest passing rate is found by doubling,
 * then bisecting, for each path in the same run.
 */
@LineaIntegrationTest
@LocalAsterisk
@TestPropertySource(properties = { "linea.telephony.agent-webrtc=false", "linea.telephony.ring-timeout=10s",
        "linea.telephony.max-wait=60s",
        // the latency histogram counts the whole run (not Micrometer's two-minute window), in these buckets;
        // B3 is the difference between its counts before and after the B3 load
        "management.metrics.distribution.expiry[linea.ari.event.latency]=6h",
        "management.metrics.distribution.buffer-length[linea.ari.event.latency]=1",
        "management.metrics.distribution.slo[linea.ari.event.latency]=1ms,2ms,3ms,4ms,5ms,7ms,10ms,20ms,50ms,"
                + "100ms,200ms,500ms,1s,5s" })
class CallCapacityBenchmark {

    private static final String CARRIER_IP = "127.0.0.2";
    private static final String BASELINE_IP = "127.0.0.3";
    private static final int CARRIER_PORT = intSetting("linea.bench.carrier-port", 35070);
    private static final int TALK_MS = intSetting("linea.bench.talk-ms", 3000);
    private static final int SECONDS = intSetting("linea.bench.seconds", 20);
    private static final int START_RATE = intSetting("linea.bench.start-rate", 10);
    private static final int MAX_RATE = intSetting("linea.bench.max-rate", 160);
    private static final int B3_RATE = intSetting("linea.bench.b3-rate", 50);
    private static final int AGENTS = intSetting("linea.bench.agents", 500);
    private static final double P99_LIMIT_MS = 200;
    private static final Path OUTPUT = Path.of(System.getProperty("linea.bench.output",
            "../docs/benchmarks/b1-b3-telephony.md"));
    private static final String COMMAND = System.getProperty("linea.bench.command", "benchmarks/run-b1-b3.sh");

    @LocalServerPort
    int port;

    @Autowired
    Telephony telephony;

    @Autowired
    Prompts prompts;

    @Autowired
    MeterRegistry meters;

    private AsteriskNode node;
    private final List<String> log = new ArrayList<>();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry properties) {
        AsteriskNode node = AsteriskExtension.sharedNode();
        properties.add("linea.telephony.nodes[0].name", node::name);
        properties.add("linea.telephony.nodes[0].ari-url", node::ariUrl);
        properties.add("linea.telephony.nodes[0].user", node::ariUser);
        properties.add("linea.telephony.nodes[0].password", node::ariPassword);
        properties.add("linea.telephony.app", node::app);
    }

    @Test
    void capacityAndEvents() throws Exception {
        node = AsteriskExtension.sharedNode();
        Api platform = Api.platformAdmin(port);
        awaitTrue("cc-core connected to the node", Duration.ofSeconds(60), () -> telephony.connected());
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        // the carrier: the callers come from its address, the far end listens on its trunk
        Api.Response carrier = platform.post("/api/cc/platform/carriers", Map.of("name", "Bench carrier "
                + UUID.randomUUID(), "host", CARRIER_IP, "port", CARRIER_PORT, "transport", "udp", "codecs",
                List.of("alaw", "ulaw"), "matchCidrs", List.of(CARRIER_IP + "/32"), "enabled", true));
        assertThat(carrier.status()).as(carrier.toString()).isEqualTo(201);
        String trunk = "trunk-" + carrier.id();

        // a tenant with a 0-800 number (short greeting) and agents reached on their mobiles through the trunk
        Api tenant = Api.adminOfNewTenant(port);
        assertThat(tenant.get("/api/cc/settings").status()).isEqualTo(200);
        String number = "+1800555" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Api.Response created = platform.post("/api/cc/platform/numbers", Map.of("e164", number, "type", "FREEPHONE",
                "carrierId", carrier.id().toString(), "tenantId", tenant.tenant().toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String greeting = "Hello.";
        assertThat(tenant.put("/api/cc/numbers/" + created.id(), Map.of("target", "AGENTS", "greeting", greeting,
                "version", 0)).status()).isEqualTo(200);
        for (int i = 0; i < AGENTS; i++) {
            Api.Response agent = tenant.post("/api/cc/agents", Map.of("displayName", String.format("Agent %04d", i),
                    "reach", "MOBILE", "mobileE164", String.format("+4477009%05d", i), "available", true));
            assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
        }

        // the baseline: an endpoint for a second carrier address whose calls run a plain dialplan
        String language = tenant.get("/api/cc/settings").json().path("defaultLanguage").asString("en");
        String greetingUrl = prompts.mediaUri(greeting, language).replaceFirst("^sound:", "");
        // in order: "disallow=all" after "allow" would leave no codec (488 Not Acceptable Here)
        Map<String, String> endpoint = new LinkedHashMap<>();
        endpoint.put("transport", "transport-udp");
        endpoint.put("context", "linea-bench-baseline");
        endpoint.put("disallow", "all");
        endpoint.put("allow", "alaw,ulaw");
        endpoint.put("direct_media", "no");
        endpoint.put("rtp_symmetric", "yes");
        endpoint.put("force_rport", "yes");
        node.pushConfig("res_pjsip", "endpoint", "bench-baseline", endpoint);
        node.pushConfig("res_pjsip", "identify", "bench-baseline", Map.of("endpoint", "bench-baseline", "match",
                BASELINE_IP + "/32"));
        for (String pattern : List.of("_X.", "_+X.")) {
            node.cli("dialplan add extension " + pattern + ",1,Answer() into linea-bench-baseline replace");
            node.cli("dialplan add extension " + pattern + ",2,Playback(" + greetingUrl
                    + ") into linea-bench-baseline replace");
            node.cli("dialplan add extension " + pattern + ",3,Dial(PJSIP/${EXTEN}@" + trunk
                    + ",10,m) into linea-bench-baseline replace");
            node.cli("dialplan add extension " + pattern + ",4,Hangup() into linea-bench-baseline replace");
        }
        note("dialplan: " + node.cli("dialplan show linea-bench-baseline").strip().replace("\n", " | "));

        // warm both paths up (JIT, prompt synthesis, media cache) without measuring
        point("Linea", number, 10, SECONDS);
        point("baseline", "+447700900000", 10, SECONDS);

        // B1: the highest rate each path sustains
        Search baseline = search("baseline", "+447700900000");
        Search linea = search("Linea", number);

        // B3 at 50 calls/s: latency from the event's Asterisk timestamp to its handling, and event bytes
        Timer latency = meters.get("linea.ari.event.latency").timer();
        CountAtBucket[] bucketsBefore = latency.takeSnapshot().histogramCounts();
        double bytesBefore = meters.get("linea.ari.event.bytes").counter().count();
        long eventsBefore = latency.count();
        Point b3 = point("Linea", number, B3_RATE, SECONDS);
        CountAtBucket[] bucketsAfter = latency.takeSnapshot().histogramCounts();
        long events = latency.count() - eventsBefore;
        double bytes = meters.get("linea.ari.event.bytes").counter().count() - bytesBefore;

        write(loadBefore, b3, bucketsBefore, bucketsAfter, events, bytes, baseline, linea);
    }

    // --- load points ----------------------------------------------------------------------------------

    private record Point(String path, int rate, int calls, SippStatistics caller, SippStatistics farEnd) {

        long lost() {
            return Math.max(0, caller.successful() - farEnd.successful());
        }

        boolean passed() {
            return caller.failed() == 0 && caller.successful() == calls && farEnd.successful() >= calls
                    && caller.responsePercentile(0.99) < P99_LIMIT_MS;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %s |", path,
                    rate, calls, caller.successful(), caller.failed(), lost(), caller.peakConcurrent(),
                    caller.responsePercentile(0.5), caller.responsePercentile(0.99),
                    caller.responseMillis().length == 0 ? Double.NaN
                            : caller.responseMillis()[caller.responseMillis().length - 1],
                    passed() ? "pass" : "fail");
        }
    }

    private record Search(String path, int best, List<Point> points) {
    }

    private Search search(String path, String dialled) throws Exception {
        List<Point> points = new ArrayList<>();
        int pass = 0;
        int fail = MAX_RATE + 1;
        for (int rate = START_RATE; rate <= MAX_RATE; rate *= 2) {
            Point point = point(path, dialled, rate, SECONDS);
            points.add(point);
            if (!point.passed()) {
                fail = rate;
                break;
            }
            pass = rate;
        }
        while (fail - pass > Math.max(2, pass / 10)) {
            int rate = (pass + fail) / 2;
            Point point = point(path, dialled, rate, SECONDS);
            points.add(point);
            if (point.passed()) {
                pass = rate;
            } else {
                fail = rate;
            }
        }
        return new Search(path, pass, points);
    }

    /** Whether the last point lost calls: the node may still retransmit INVITEs to the far end's port. */
    private boolean unsettled;

    private Point point(String path, String dialled, int rate, int seconds) throws Exception {
        quiesce();
        if (unsettled) {
            // PJSIP gives up on an unanswered INVITE transaction after 32 s (timer B); until then its
            // retransmissions, and the CANCELs that follow, would reach the next far end as failed calls
            Thread.sleep(35_000);
        }
        int calls = rate * seconds;
        Duration limit = Duration.ofSeconds(seconds + 120L);
        String localIp = "baseline".equals(path) ? BASELINE_IP : CARRIER_IP;
        try (SippRun farEnd = Sipp.scenario("answer").localIp(CARRIER_IP).localPort(CARRIER_PORT).load()
                .key("ring_ms", "100").key("talk_ms", "0").calls(calls).timeout(limit).start()) {
            Thread.sleep(300);
            SippRun caller = Sipp.scenario("caller").localIp(localIp).remote(node.bind(), node.sipPort())
                    .service(dialled).load().rate(rate).calls(calls).key("talk_ms", Integer.toString(TALK_MS))
                    .timeout(limit).start();
            caller.await(limit.plusSeconds(10));
            // the far end has taken every BYE by now, unless calls never reached it
            // (a far end still waiting for calls that never came is stopped, its statistics show them missing)
            Instant deadline = Instant.now().plusSeconds(10);
            while (farEnd.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            Thread.sleep(1500);
            Point point = new Point(path, rate, calls, caller.statistics(), farEnd.statistics());
            farEnd.close();
            unsettled = point.farEnd().failed() > 0 || point.lost() > 0 || point.caller().failed() > 0;
            note(String.format(Locale.ROOT, "%s %d calls/s: caller %s; far end %s", path, rate, point.caller(),
                    point.farEnd()));
            return point;
        }
    }

    /** No channel left on the node and no call in cc-core before the next point. */
    private void quiesce() throws InterruptedException {
        awaitTrue("the node to have no channels", Duration.ofSeconds(60),
                () -> Api.JSON.readTree(node.ariRequest("GET", "/channels", null).body()).isEmpty());
        awaitTrue("cc-core to have no calls", Duration.ofSeconds(60), () -> telephony.activeCalls() == 0);
        Thread.sleep(2000);
    }

    // --- report ---------------------------------------------------------------------------------------

    private void write(double loadBefore, Point b3, CountAtBucket[] before, CountAtBucket[] after, long events,
            double bytes, Search baseline, Search linea) throws IOException {
        StringBuilder out = new StringBuilder();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(
                ZoneOffset.UTC));
        out.append("\n## Run of ").append(when).append("\n\n");
        out.append(String.format(Locale.ROOT, "Command: `%s`. %d cores, load average %.1f before the run; "
                + "Asterisk node `%s`; %d agents; every call talks %d ms after the answer; %d s per load point.%n%n",
                COMMAND, Runtime.getRuntime().availableProcessors(), loadBefore, node.name(), AGENTS, TALK_MS, SECONDS));

        double ratio = baseline.best() == 0 ? Double.NaN : (double) linea.best() / baseline.best();
        out.append("### B1 call capacity\n\n");
        out.append(String.format(Locale.ROOT, "| path | highest passing rate (calls/s) | concurrent calls there |%n"
                + "|---|---:|---:|%n| baseline (dialplan) | %d | %d |%n| Linea (ARI) | %d | %d |%n%n",
                baseline.best(), peakAt(baseline), linea.best(), peakAt(linea)));
        out.append(String.format(Locale.ROOT, "Ratio Linea / baseline: **%.2f×** (target ≥ 0.9×); Linea sustains "
                + "%d calls/s (target ≥ 50).%n%n", ratio, linea.best()));
        out.append("| path | rate | calls | succeeded | failed | lost before the far end | peak concurrent | "
                + "INVITE→200 p50 ms | p99 ms | max ms | verdict |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Point point : baseline.points()) {
            out.append(point.row()).append('\n');
        }
        for (Point point : linea.points()) {
            out.append(point.row()).append('\n');
        }

        out.append("\n### B3 ARI events at ").append(b3.rate()).append(" calls/s\n\n");
        double perCall = b3.calls() == 0 ? 0 : bytes / b3.calls();
        double callSeconds = TALK_MS / 1000.0;
        out.append(String.format(Locale.ROOT, "%d calls (%d succeeded, %d lost), %d events handled (%.1f per call), "
                + "%.0f bytes of events (%.0f bytes per call, %.2f kbit/s per call over its %.1f s; %.1f kbit/s for "
                + "the whole stream).%n%n", b3.calls(), b3.caller().successful(), b3.lost(), events,
                events / (double) Math.max(1, b3.calls()), bytes, perCall, perCall * 8 / 1000 / callSeconds,
                callSeconds, bytes * 8 / 1000 / (b3.calls() / (double) b3.rate() + callSeconds)));
        // the events of the B3 load in each bucket: cumulative counts after minus before
        long total = Math.max(1, events);
        out.append("| event timestamp → handler | value | target |\n|---|---:|---:|\n");
        for (double q : new double[] { 0.5, 0.95, 0.99 }) {
            String bound = "> " + trim(after[after.length - 1].bucket(TimeUnit.MILLISECONDS)) + " ms";
            for (int i = 0; i < after.length; i++) {
                if ((after[i].count() - before[i].count()) / (double) total >= q) {
                    bound = "≤ " + trim(after[i].bucket(TimeUnit.MILLISECONDS)) + " ms";
                    break;
                }
            }
            out.append(String.format(Locale.ROOT, "| p%s | %s | %s |%n", trim(q * 100), bound, q == 0.99 ? "≤ 5 ms"
                    : ""));
        }
        for (int i = 0; i < after.length; i++) {
            if (after[i].bucket(TimeUnit.MILLISECONDS) == 5) {
                out.append(String.format(Locale.ROOT, "| events handled within 5 ms | %.2f %% | ≥ 99 %% |%n",
                        100.0 * (after[i].count() - before[i].count()) / total));
            }
        }
        out.append(String.format(Locale.ROOT, "| event bytes per call | %.2f kbit/s | ≤ 80 kbit/s |%n",
                perCall * 8 / 1000 / callSeconds));
        out.append("\n<details><summary>Log</summary>\n\n```\n");
        log.forEach(line -> out.append(line).append('\n'));
        out.append("```\n</details>\n");

        System.out.println(out);
        Files.createDirectories(OUTPUT.toAbsolutePath().getParent());
        Files.writeString(OUTPUT, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Files.writeString(Path.of("target", "b1-b3-latest.md"), out.toString(), StandardCharsets.UTF_8);
    }

    private static long peakAt(Search search) {
        return search.points().stream().filter(p -> p.rate() == search.best()).mapToLong(p -> p.caller()
                .peakConcurrent()).max().orElse(0);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private void note(String line) {
        String stamped = Instant.now() + " " + line;
        log.add(stamped);
        System.out.println(stamped);
    }

    private static int intSetting(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
