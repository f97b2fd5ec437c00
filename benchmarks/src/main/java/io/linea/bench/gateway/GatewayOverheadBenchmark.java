package io.linea.bench.gateway;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark B7: the same JSON endpoint direct and through the gateway, in one run. Starts a built-in JSON upstream
 * (or uses {@code --upstream URL}), starts the gateway jar as a separate process pointing LINEA_IDENTITY_URL at it,
 * then measures (a) closed-loop throughput and (b) open-model latency at a fixed rate, direct and through the gateway,
 * and appends a table to docs/benchmarks/b7-gateway-overhead.md. Targets: gateway throughput at least half of direct; at most 2 ms added
 * to p99 at 1,000 requests/s.
 */
public final class GatewayOverheadBenchmark {

    private GatewayOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        options.loadBefore = loadAverage();
        JsonUpstream builtIn = null;
        Process gateway = null;
        try {
            URI upstream;
            if (options.upstream != null) {
                upstream = URI.create(options.upstream);
            }
            else {
                builtIn = JsonUpstream.start();
                upstream = URI.create(builtIn.baseUrl() + JsonUpstream.PATH);
            }
            String upstreamBase = upstream.getScheme() + "://" + upstream.getRawAuthority();
            String pathAndQuery = upstream.getRawPath() + (upstream.getRawQuery() != null ? "?" + upstream.getRawQuery() : "");
            int gatewayPort = freePort();
            gateway = startGateway(options, upstreamBase, gatewayPort);
            URI direct = upstream;
            URI throughGateway = URI.create("http://127.0.0.1:" + gatewayPort + pathAndQuery);
            awaitOk(throughGateway, Duration.ofSeconds(90), gateway);
            System.out.printf("B7: direct %s, gateway %s%n", direct, throughGateway);

            LoadGenerator load = new LoadGenerator();
            System.out.println("B7: warming up (" + options.warmup.toSeconds() + " s each)");
            load.closedLoop("warm-up direct", direct, options.concurrency, options.warmup);
            load.closedLoop("warm-up gateway", throughGateway, options.concurrency, options.warmup);

            List<LoadGenerator.Result> results = new ArrayList<>();
            for (URI target : List.of(direct, throughGateway)) {
                String label = target == direct ? "direct" : "gateway";
                System.out.printf("B7: (a) closed loop, %d concurrent, %d s, %s%n", options.concurrency,
                        options.duration.toSeconds(), label);
                results.add(load.closedLoop(label, target, options.concurrency, options.duration));
                print(results.getLast());
            }
            for (URI target : List.of(direct, throughGateway)) {
                String label = target == direct ? "direct" : "gateway";
                System.out.printf("B7: (b) open model, %d req/s, %d s, %s%n", options.rate, options.duration.toSeconds(),
                        label);
                results.add(load.openModel(label, target, options.rate, options.duration));
                print(results.getLast());
            }
            String report = report(options, direct, throughGateway, results);
            System.out.println();
            System.out.println(report);
            if (options.output != null) {
                Path out = Path.of(options.output);
                if (!Files.exists(out)) {
                    Files.writeString(out, "# Benchmark B7: gateway overhead\n\nRuns appended by `benchmarks/run-b7.sh`.\n",
                            StandardCharsets.UTF_8);
                }
                Files.writeString(out, "\n" + report, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                System.out.println("B7: appended to " + out);
            }
        }
        finally {
            if (gateway != null) {
                gateway.destroy();
                gateway.waitFor();
            }
            if (builtIn != null) {
                builtIn.close();
            }
        }
        System.exit(0);
    }

    private static Process startGateway(Options options, String identityUrl, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        if (options.gatewayJavaOptions != null && !options.gatewayJavaOptions.isBlank()) {
            command.addAll(List.of(options.gatewayJavaOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", options.gatewayJar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File(options.gatewayLog));
        builder.environment().put("LINEA_IDENTITY_URL", identityUrl);
        builder.environment().put("LINEA_GATEWAY_PORT", Integer.toString(port));
        builder.environment().put("LINEA_GATEWAY_ADDRESS", "127.0.0.1");
        System.out.printf("B7: starting gateway %s on port %d (log %s)%n", options.gatewayJar, port, options.gatewayLog);
        return builder.start();
    }

    private static void awaitOk(URI uri, Duration timeout, Process gateway) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("The gateway exited with " + gateway.exitValue() + "; see its log");
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    System.out.printf("B7: gateway answered after %.1f s (%d bytes)%n",
                            (System.nanoTime() - started) / 1e9, response.body().length());
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("No 200 from " + uri + " within " + timeout);
    }

    private static void print(LoadGenerator.Result r) {
        System.out.printf(Locale.ROOT, "    %-8s %,10d ok %,6d errors  %,9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms%n",
                r.label(), r.requests(), r.errors(), r.throughput(), r.percentileMillis(50), r.percentileMillis(99),
                r.maxMillis());
    }

    static String report(Options options, URI direct, URI gateway, List<LoadGenerator.Result> r) {
        LoadGenerator.Result closedDirect = r.get(0);
        LoadGenerator.Result closedGateway = r.get(1);
        LoadGenerator.Result openDirect = r.get(2);
        LoadGenerator.Result openGateway = r.get(3);
        double throughputRatio = closedGateway.throughput() / closedDirect.throughput();
        double addedP99 = openGateway.percentileMillis(99) - openDirect.percentileMillis(99);
        StringBuilder out = new StringBuilder();
        out.append("## Run ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19))
                .append(" UTC\n\n");
        out.append("- Command: `").append(options.command).append("`\n");
        out.append("- Machine: ").append(machine()).append("; load average before the run ").append(options.loadBefore)
                .append(", after ").append(loadAverage()).append('\n');
        out.append("- Upstream: ").append(options.upstream == null ? "built-in JDK HttpServer, ~1 KB JSON" : options.upstream)
                .append("; direct `").append(direct).append("`, through the gateway `").append(gateway).append("`\n");
        out.append(String.format(Locale.ROOT,
                "- Load: java.net.http on virtual threads, HTTP/1.1 keep-alive; warm-up %d s per target; "
                        + "(a) closed loop %d concurrent, %d s; (b) open model %,d req/s, %d s, latency from the due time\n",
                options.warmup.toSeconds(), options.concurrency, options.duration.toSeconds(), options.rate,
                options.duration.toSeconds()));
        out.append("- Load generator, upstream and gateway share the same machine and its cores.\n\n");
        out.append("| measurement | direct | gateway | ratio / added |\n|---|---:|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| (a) throughput, req/s | %,.0f | %,.0f | %.2fx |%n",
                closedDirect.throughput(), closedGateway.throughput(), throughputRatio));
        out.append(String.format(Locale.ROOT, "| (a) p50 / p99 latency, ms | %.2f / %.2f | %.2f / %.2f | +%.2f / +%.2f |%n",
                closedDirect.percentileMillis(50), closedDirect.percentileMillis(99), closedGateway.percentileMillis(50),
                closedGateway.percentileMillis(99), closedGateway.percentileMillis(50) - closedDirect.percentileMillis(50),
                closedGateway.percentileMillis(99) - closedDirect.percentileMillis(99)));
        out.append(String.format(Locale.ROOT, "| (a) errors | %d | %d | |%n", closedDirect.errors(), closedGateway.errors()));
        out.append(String.format(Locale.ROOT, "| (b) achieved rate, req/s | %,.0f | %,.0f | |%n", openDirect.throughput(),
                openGateway.throughput()));
        for (double p : new double[] {50, 99}) {
            out.append(String.format(Locale.ROOT, "| (b) p%.0f latency, ms | %.2f | %.2f | %+.2f ms |%n", p,
                    openDirect.percentileMillis(p), openGateway.percentileMillis(p),
                    openGateway.percentileMillis(p) - openDirect.percentileMillis(p)));
        }
        out.append(String.format(Locale.ROOT, "| (b) max latency, ms | %.2f | %.2f | %+.2f ms |%n", openDirect.maxMillis(),
                openGateway.maxMillis(), openGateway.maxMillis() - openDirect.maxMillis()));
        out.append(String.format(Locale.ROOT, "| (b) errors | %d | %d | |%n%n", openDirect.errors(), openGateway.errors()));
        out.append(String.format(Locale.ROOT, "Targets: gateway throughput >= 0.5x direct: **%s** (%.2fx); "
                + "added p99 <= 2 ms at %,d req/s: **%s** (%+.2f ms).%n", throughputRatio >= 0.5 ? "met" : "missed",
                throughputRatio, options.rate, addedP99 <= 2.0 ? "met" : "missed", addedP99));
        return out.toString();
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%d cores (%s), %s %s, Java %s, %d MiB max heap for the load generator",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("os.name"),
                System.getProperty("os.version"), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Other work on the machine competes for the same cores; the load average says how much. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1/5/15 min)";
        }
        catch (IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static final class Options {

        String upstream;
        String gatewayJar;
        String gatewayLog = "gateway-b7.log";
        String output;
        String gatewayJavaOptions;
        String loadBefore = "unknown";
        String command = "benchmarks/run-b7.sh";
        int concurrency = 64;
        int rate = 1000;
        Duration duration = Duration.ofSeconds(20);
        Duration warmup = Duration.ofSeconds(10);

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--upstream" -> o.upstream = value;
                    case "--gateway-jar" -> o.gatewayJar = value;
                    case "--gateway-log" -> o.gatewayLog = value;
                    case "--output" -> o.output = value;
                    case "--gateway-java-options" -> o.gatewayJavaOptions = value;
                    case "--command" -> o.command = value;
                    case "--concurrency" -> o.concurrency = Integer.parseInt(value);
                    case "--rate" -> o.rate = Integer.parseInt(value);
                    case "--duration" -> o.duration = Duration.ofSeconds(Long.parseLong(value));
                    case "--warmup" -> o.warmup = Duration.ofSeconds(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
                i++;
            }
            if (o.gatewayJar == null) {
                throw new IllegalArgumentException("--gateway-jar is required");
            }
            return o;
        }
    }
}
