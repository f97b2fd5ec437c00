package io.linea.asterisk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Asterisk node started through {@code asterisk-cluster/bin/linea-asterisk} (TEL-01). The
 * script builds the Debian chroot on first use (about a minute), renders the node's configuration
 * and waits until ARI answers. Starting needs root; without it this fails with the script's reason.
 */
public final class AsteriskNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AsteriskNode.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final NodeSettings settings;
    private final Path script;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Path logFile;
    private volatile Duration lastStartDuration;

    private AsteriskNode(NodeSettings settings, Path script) {
        this.settings = settings;
        this.script = script;
    }

    /** Builds the chroot if needed, starts the node and returns once its ARI answers. */
    public static AsteriskNode start(NodeSettings settings) {
        AsteriskNode node = new AsteriskNode(settings, script());
        node.launch();
        return node;
    }

    /**
     * {@code bin/linea-asterisk}: from the system property {@code linea.asterisk.home} (the root pom
     * sets it for every module's tests), else found by walking up from the working directory.
     */
    public static Path script() {
        String home = System.getProperty("linea.asterisk.home");
        if (home != null && !home.isBlank()) {
            Path script = Path.of(home, "bin", "linea-asterisk");
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("bin/linea-asterisk"),
                    dir.resolve("asterisk-cluster/bin/linea-asterisk"))) {
                if (Files.isExecutable(candidate) && candidate.getParent().getParent().resolve("templates").toFile()
                        .isDirectory()) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("asterisk-cluster/bin/linea-asterisk not found: set the system property "
                + "linea.asterisk.home to the asterisk-cluster directory (home was '" + home + "', working directory "
                + Path.of("").toAbsolutePath() + ")");
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(script.toString(), "start", settings.name(),
                "--bind", settings.bind(),
                "--sip-port", Integer.toString(settings.sipPort()),
                "--tls-port", Integer.toString(settings.tlsPort()),
                "--http-port", Integer.toString(settings.httpPort()),
                "--https-port", Integer.toString(settings.httpsPort()),
                "--rtp", settings.rtpStart() + "-" + settings.rtpEnd(),
                "--ari-user", settings.ariUser(),
                "--ari-password", settings.ariPassword(),
                "--app", settings.app()));
        long started = System.nanoTime();
        Processes.Result result = Processes.run(command, START_TIMEOUT);
        if (!result.succeeded()) {
            throw new IllegalStateException("The Asterisk node '" + settings.name() + "' could not start (exit "
                    + result.exitCode() + " of " + script + " start):\n" + result.output());
        }
        lastStartDuration = Duration.ofNanos(System.nanoTime() - started);
        logFile = Path.of(script("logs").trim());
        log.info("Asterisk node {} started in {} ms (ARI {}, SIP {}:{}, log {})", settings.name(),
                lastStartDuration.toMillis(), ariUrl(), settings.bind(), settings.sipPort(), logFile);
    }

    public NodeSettings settings() {
        return settings;
    }

    public String name() {
        return settings.name();
    }

    /** The HTTP base of the node, without {@code /ari}: {@code http://127.0.0.1:8088}. */
    public String ariUrl() {
        return "http://" + settings.bind() + ":" + settings.httpPort();
    }

    public String ariUser() {
        return settings.ariUser();
    }

    public String ariPassword() {
        return settings.ariPassword();
    }

    /** The Stasis application the dialplan sends every call to. */
    public String app() {
        return settings.app();
    }

    public String bind() {
        return settings.bind();
    }

    public int sipPort() {
        return settings.sipPort();
    }

    public int tlsPort() {
        return settings.tlsPort();
    }

    /** SIP over secure WebSocket for browsers (the node's self-signed certificate). */
    public String wssUrl() {
        return "wss://" + settings.bind() + ":" + settings.httpsPort() + "/ws";
    }

    /** SIP over plain WebSocket, for tests whose browser should not see a certificate. */
    public String wsUrl() {
        return "ws://" + settings.bind() + ":" + settings.httpPort() + "/ws";
    }

    /** The ARI event WebSocket of {@link #app()}, credentials in the query as ARI allows. */
    public URI ariEventsUri() {
        String apiKey = URLEncoder.encode(settings.ariUser() + ":" + settings.ariPassword(), StandardCharsets.UTF_8);
        return URI.create("ws://" + settings.bind() + ":" + settings.httpPort() + "/ari/events?app="
                + URLEncoder.encode(settings.app(), StandardCharsets.UTF_8) + "&api_key=" + apiKey);
    }

    /** How long the last start or restart took, chroot build included. */
    public Duration lastStartDuration() {
        return lastStartDuration;
    }

    /**
     * Writes a configuration file into the node's {@code etc} directory for this run (a start renders the
     * templates again and removes it), e.g. {@code queues.conf} for a benchmark's baseline; load or reload
     * the module through {@link #cli(String)} afterwards.
     */
    public void writeConfigFile(String fileName, String content) {
        if (!fileName.matches("[a-z0-9_]+\\.conf")) {
            throw new IllegalArgumentException("not a configuration file name: " + fileName);
        }
        Path file = logFile.getParent().getParent().resolve("etc").resolve(fileName);
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** Runs an Asterisk CLI command on this node ({@code asterisk -rx}) and returns its output. */
    public String cli(String command) {
        return script("cli", command);
    }

    /** Stops and starts the node with the same settings; everything pushed over ARI is gone after it. */
    public void restart() {
        long started = System.nanoTime();
        script("restart");
        lastStartDuration = Duration.ofNanos(System.nanoTime() - started);
    }

    public void stop() {
        script("stop");
    }

    @Override
    public void close() {
        stop();
    }

    /** The node's {@code messages} log of the current run. */
    public Path logFile() {
        return logFile;
    }

    /** The last {@code lines} lines of the node's log. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Creates or replaces a sorcery object over ARI push configuration, e.g.
     * {@code pushConfig("res_pjsip", "endpoint", "alice", Map.of("context", "linea-agents"))}. PJSIP
     * endpoints, AORs, auths and identifies all belong to the {@code res_pjsip} class.
     */
    public void pushConfig(String configClass, String type, String id, Map<String, String> fields) {
        StringJoiner body = new StringJoiner(",", "{\"fields\":[", "]}");
        fields.forEach((attribute, value) -> body.add("{\"attribute\":" + json(attribute) + ",\"value\":"
                + json(value) + "}"));
        HttpResponse<String> response = ariRequest("PUT", configPath(configClass, type, id), body.toString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ARI refused " + type + " '" + id + "' (" + response.statusCode() + "): "
                    + response.body());
        }
    }

    /** Deletes a pushed sorcery object; false when there was none. */
    public boolean deleteConfig(String configClass, String type, String id) {
        HttpResponse<String> response = ariRequest("DELETE", configPath(configClass, type, id), null);
        return switch (response.statusCode()) {
            case 204 -> true;
            case 404 -> false;
            default -> throw new IllegalStateException("ARI could not delete " + type + " '" + id + "' ("
                    + response.statusCode() + "): " + response.body());
        };
    }

    /** One authenticated ARI request; {@code path} starts after {@code /ari}, e.g. {@code /channels}. */
    public HttpResponse<String> ariRequest(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ariUrl() + "/ari" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (settings.ariUser() + ":" + settings.ariPassword()).getBytes(StandardCharsets.UTF_8)));
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("ARI " + method + " " + path + " failed on node " + settings.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during ARI " + method + " " + path, e);
        }
    }

    private static String configPath(String configClass, String type, String id) {
        return "/asterisk/config/dynamic/" + segment(configClass) + "/" + segment(type) + "/" + segment(id);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String script(String subcommand, String... args) {
        List<String> command = new ArrayList<>(List.of(script.toString(), subcommand, settings.name()));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(command, "restart".equals(subcommand) ? START_TIMEOUT : COMMAND_TIMEOUT);
        if (!result.succeeded()) {
            throw new IllegalStateException(script.getFileName() + " " + subcommand + " " + settings.name()
                    + " failed (exit " + result.exitCode() + "):\n" + result.output());
        }
        return result.output();
    }

    static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
