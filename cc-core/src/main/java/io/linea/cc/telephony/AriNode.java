package io.linea.cc.telephony;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.loway.oss.ari4java.ARI;
import ch.loway.oss.ari4java.AriVersion;
import ch.loway.oss.ari4java.generated.models.ChannelDestroyed;
import ch.loway.oss.ari4java.generated.models.ChannelDtmfReceived;
import ch.loway.oss.ari4java.generated.models.ChannelHold;
import ch.loway.oss.ari4java.generated.models.ChannelUnhold;
import ch.loway.oss.ari4java.generated.models.ChannelHangupRequest;
import ch.loway.oss.ari4java.generated.models.Message;
import ch.loway.oss.ari4java.generated.models.PlaybackFinished;
import ch.loway.oss.ari4java.generated.models.RecordingFailed;
import ch.loway.oss.ari4java.generated.models.RecordingFinished;
import ch.loway.oss.ari4java.generated.models.StasisStart;
import ch.loway.oss.ari4java.tools.AriCallback;
import ch.loway.oss.ari4java.tools.RestException;
import ch.loway.oss.ari4java.tools.http.NettyHttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Asterisk node over ARI (ari4java for the event stream and call control, plain HTTP for push
 * configuration, whose body ari4java does not shape the way ARI expects).
 * <p>
 * A watchdog checks the connection every second: when the event stream is down, or Asterisk's
 * start time changed (it restarted), the client is rebuilt with a growing back-off (0.5 s … 15 s),
 * the event filter re-applied, every carrier and endpoint pushed again, and the engine told, which
 * closes the interactions whose channels did not survive.
 */
class AriNode implements CallControl, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AriNode.class);

    /** Only these events travel from Asterisk to cc-core (ARI application event filtering). */
    static final List<String> EVENTS = List.of("StasisStart", "ChannelHangupRequest", "ChannelDestroyed",
            "PlaybackFinished", "ChannelDtmfReceived", "RecordingFinished", "RecordingFailed", "ChannelHold",
            "ChannelUnhold");

    /**
     * Stored recordings are files in the node's recording directory named after the recording: a name
     * with '/' or '..' would reach other directories, and one with '%', '?' or '#' would change the URL.
     */
    private static final Pattern RECORDING_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final TelephonySettings.Node settings;
    private final String app;
    private final Consumer<SwitchEvent> sink;
    private final ScheduledExecutorService scheduler;
    private final Consumer<AriNode> onConnected;
    private final Clock clock;
    private final LongConsumer eventBytes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private volatile ARI ari;
    private volatile Date startedAt;
    private volatile boolean closed;
    private volatile boolean connected;
    private final AtomicInteger connections = new AtomicInteger();
    private long backoffMillis = 500;
    private Instant nextAttempt = Instant.EPOCH;

    AriNode(TelephonySettings.Node settings, String app, Consumer<SwitchEvent> sink, ScheduledExecutorService scheduler,
            Consumer<AriNode> onConnected, Clock clock, LongConsumer eventBytes) {
        this.settings = settings;
        this.app = app;
        this.sink = sink;
        this.scheduler = scheduler;
        this.onConnected = onConnected;
        this.clock = clock;
        this.eventBytes = eventBytes;
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::watch, 0, 1, TimeUnit.SECONDS);
    }

    boolean connected() {
        return connected;
    }

    /** How many times the event stream was connected, with everything pushed (1 after the first connect). */
    int connections() {
        return connections.get();
    }

    @Override
    public String node() {
        return settings.name();
    }

    // --- connection -------------------------------------------------------------------------------

    private void watch() {
        if (closed) {
            return;
        }
        try {
            if (connected && ari != null && ari.isWsConnected()) {
                Date now = ari.asterisk().getInfo().execute().getStatus().getStartup_time();
                if (now.equals(startedAt)) {
                    return;
                }
                log.warn("Asterisk node {} restarted", node());
            }
            if (connected) {
                connected = false;
                sink.accept(new SwitchEvent.NodeLost(node(), clock.instant()));
            }
            if (clock.instant().isBefore(nextAttempt)) {
                return;
            }
            connect();
        } catch (Exception e) {
            if (connected) {
                connected = false;
                sink.accept(new SwitchEvent.NodeLost(node(), clock.instant()));
            }
            nextAttempt = clock.instant().plusMillis(backoffMillis);
            log.info("Asterisk node {} not reachable ({}); next attempt in {} ms", node(), e.toString(), backoffMillis);
            backoffMillis = Math.min(backoffMillis * 2, 15_000);
        }
    }

    private void connect() throws Exception {
        disconnect();
        String base = settings.ariUrl().endsWith("/") ? settings.ariUrl() : settings.ariUrl() + "/";
        ARI client = ARI.build(base, app, settings.user(), settings.password(), AriVersion.IM_FEELING_LUCKY);
        Date started;
        try {
            // the event stream on a client of its own, which counts what arrives (B3)
            NettyHttpClient events = new NettyHttpClient();
            events.initialize(base, settings.user(), settings.password());
            client.setWsClient(new CountingWsClient(events, eventBytes));
            started = client.asterisk().getInfo().execute().getStatus().getStartup_time();
            client.eventsCallback(new AriCallback<>() {
                @Override
                public void onSuccess(Message message) {
                    translate(message);
                }

                @Override
                public void onFailure(RestException e) {
                    log.debug("Event stream of {}: {}", node(), e.toString());
                }
            });
            waitForStream(client);
            filterEvents();
        } catch (Exception e) {
            client.cleanup();
            throw e;
        }
        boolean restarted = startedAt != null && !started.equals(startedAt);
        this.ari = client;
        this.startedAt = started;
        onConnected.accept(this);
        connected = true;
        connections.incrementAndGet();
        backoffMillis = 500;
        log.info("Connected to Asterisk node {} ({})", node(), settings.ariUrl());
        sink.accept(new SwitchEvent.NodeConnected(node(), clock.instant(), this, restarted));
    }

    private static void waitForStream(ARI client) throws InterruptedException {
        for (int i = 0; i < 50 && !client.isWsConnected(); i++) {
            Thread.sleep(100);
        }
        if (!client.isWsConnected()) {
            throw new IllegalStateException("event stream did not connect");
        }
    }

    /** Asterisk sends only the events the call logic handles (B3: event bytes per call). */
    private void filterEvents() throws Exception {
        List<Map<String, String>> allowed = EVENTS.stream().map(type -> Map.of("type", type)).toList();
        request("PUT", "/ari/applications/" + encode(app) + "/eventFilter",
                json.writeValueAsString(Map.of("allowed", allowed)));
    }

    private void disconnect() {
        ARI old = ari;
        ari = null;
        if (old != null) {
            try {
                old.cleanup();
            } catch (RuntimeException e) {
                log.debug("Cleanup of {}: {}", node(), e.toString());
            }
        }
    }

    private void translate(Message message) {
        Instant now = clock.instant();
        switch (message) {
            case StasisStart e -> sink.accept(new SwitchEvent.ChannelEntered(node(), at(e.getTimestamp(), now),
                    e.getChannel().getId(), e.getArgs() == null ? List.of() : e.getArgs(),
                    e.getChannel().getCaller() == null ? null : e.getChannel().getCaller().getNumber()));
            case ChannelDestroyed e -> sink.accept(new SwitchEvent.ChannelGone(node(), at(e.getTimestamp(), now),
                    e.getChannel().getId(), e.getCause() == null ? 0 : e.getCause(), e.getCause_txt()));
            // A caller's BYE arrives as a hang-up request before the playback it interrupts reports
            // PlaybackFinished: reporting the channel gone now keeps a caller who left during the
            // greeting from being offered to an agent. The later ChannelDestroyed finds nothing to do.
            case ChannelHangupRequest e -> sink.accept(new SwitchEvent.ChannelHangingUp(node(),
                    at(e.getTimestamp(), now), e.getChannel().getId()));
            case PlaybackFinished e -> sink.accept(new SwitchEvent.PlaybackDone(node(), at(e.getTimestamp(), now),
                    e.getPlayback().getId(), "failed".equals(e.getPlayback().getState())));
            case ChannelDtmfReceived e when e.getDigit() != null && !e.getDigit().isEmpty() ->
                    sink.accept(new SwitchEvent.DtmfReceived(node(), at(e.getTimestamp(), now),
                            e.getChannel().getId(), e.getDigit().charAt(0)));
            case ChannelHold e -> sink.accept(new SwitchEvent.HoldChanged(node(), at(e.getTimestamp(), now),
                    e.getChannel().getId(), true));
            case ChannelUnhold e -> sink.accept(new SwitchEvent.HoldChanged(node(), at(e.getTimestamp(), now),
                    e.getChannel().getId(), false));
            case RecordingFinished e -> sink.accept(new SwitchEvent.RecordingDone(node(), at(e.getTimestamp(), now),
                    e.getRecording().getName(), false, millis(e.getRecording().getDuration())));
            case RecordingFailed e -> sink.accept(new SwitchEvent.RecordingDone(node(), at(e.getTimestamp(), now),
                    e.getRecording().getName(), true, millis(e.getRecording().getDuration())));
            default -> {
            }
        }
    }

    private static Instant at(Date timestamp, Instant fallback) {
        return timestamp == null ? fallback : timestamp.toInstant();
    }

    /** Asterisk reports a recording's duration in whole seconds, and leaves it out when it has none. */
    private static long millis(Integer seconds) {
        return seconds == null ? 0 : seconds * 1000L;
    }

    // --- call control -----------------------------------------------------------------------------

    // Requests go through the JDK's HTTP client, not ari4java's: under concurrent use ari4java's pooled
    // client occasionally hands back no response body for a request Asterisk carried out, and an
    // originate that looks failed but rang would be cancelled (B1).

    @Override
    public void answer(String channelId) {
        control("POST", "/channels/" + encode(channelId) + "/answer", Map.of(), null);
    }

    @Override
    public void hangup(String channelId, HangupReason reason) {
        control("DELETE", "/channels/" + encode(channelId), Map.of("reason", reason.ari), null);
    }

    @Override
    public void play(String channelId, String playbackId, String mediaUri) {
        control("POST", "/channels/" + encode(channelId) + "/play/" + encode(playbackId), Map.of("media", mediaUri),
                null);
    }

    @Override
    public void startMusicOnHold(String channelId) {
        control("POST", "/channels/" + encode(channelId) + "/moh", Map.of(), null);
    }

    @Override
    public void stopMusicOnHold(String channelId) {
        control("DELETE", "/channels/" + encode(channelId) + "/moh", Map.of(), null);
    }

    @Override
    public void startBridgeMusicOnHold(String bridgeId) {
        control("POST", "/bridges/" + encode(bridgeId) + "/moh", Map.of(), null);
    }

    @Override
    public void stopBridgeMusicOnHold(String bridgeId) {
        control("DELETE", "/bridges/" + encode(bridgeId) + "/moh", Map.of(), null);
    }

    @Override
    public void originate(String channelId, String endpoint, String callerId, int timeoutSeconds, String appArgs,
            Map<String, String> variables) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("endpoint", endpoint);
        query.put("callerId", callerId);
        query.put("timeout", Integer.toString(timeoutSeconds));
        query.put("app", app);
        query.put("appArgs", appArgs);
        query.put("formats", "alaw,ulaw");
        String body;
        try {
            body = json.writeValueAsString(Map.of("variables", variables));
        } catch (RuntimeException e) {
            throw new SwitchException("variables of " + channelId, e);
        }
        control("POST", "/channels/" + encode(channelId), query, body);
    }

    @Override
    public void bridge(String bridgeId, String... channelIds) {
        control("POST", "/bridges/" + encode(bridgeId), Map.of("type", "mixing"), null);
        control("POST", "/bridges/" + encode(bridgeId) + "/addChannel", Map.of("channel", String.join(",", channelIds)),
                null);
    }

    @Override
    public void addToBridge(String bridgeId, String channelId) {
        control("POST", "/bridges/" + encode(bridgeId) + "/addChannel", Map.of("channel", channelId), null);
    }

    @Override
    public void destroyBridge(String bridgeId) {
        control("DELETE", "/bridges/" + encode(bridgeId), Map.of(), null);
    }

    // --- recordings (IVR-09 voicemail) -------------------------------------------------------------

    @Override
    public void record(String channelId, String name, int maxSeconds, int maxSilenceSeconds, boolean beep,
            String terminateOn) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("name", recordingName(name));
        // WAV (16-bit PCM at the channel's 8 kHz) is what cc-core can store and play back without a codec.
        query.put("format", "wav");
        query.put("maxDurationSeconds", Integer.toString(maxSeconds));
        query.put("maxSilenceSeconds", Integer.toString(maxSilenceSeconds));
        // A name is used once per message; a leftover of a cc-core that died before deleting it is stale.
        query.put("ifExists", "overwrite");
        query.put("beep", Boolean.toString(beep));
        query.put("terminateOn", terminateOn == null ? "none" : terminateOn);
        control("POST", "/channels/" + encode(channelId) + "/record", query, null);
    }

    @Override
    public byte[] storedRecording(String name) {
        return control("GET", "/recordings/stored/" + recordingName(name) + "/file", Map.of(), null,
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Override
    public void deleteStoredRecording(String name) {
        control("DELETE", "/recordings/stored/" + recordingName(name), Map.of(), null);
    }

    private static String recordingName(String name) {
        if (name == null || !RECORDING_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("recording name '" + name + "': use 1-128 of A-Z, a-z, 0-9, '_', '-'");
        }
        return name;
    }

    /** One call-control request; any answer but 2xx is a {@link SwitchException} with Asterisk's reason. */
    private void control(String method, String path, Map<String, String> query, String body) {
        control(method, path, query, body, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> control(String method, String path, Map<String, String> query, String body,
            HttpResponse.BodyHandler<T> bodyHandler) {
        if (ari == null) {
            throw new SwitchException("node " + node() + " is not connected", null);
        }
        StringJoiner parameters = new StringJoiner("&", "?", "");
        parameters.setEmptyValue("");
        query.forEach((name, value) -> parameters.add(encode(name) + "=" + encode(value)));
        HttpResponse<T> response;
        try {
            response = send(method, "/ari" + path + parameters, body, bodyHandler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwitchException(node() + ": " + method + " " + path + " interrupted", e);
        } catch (Exception e) {
            throw new SwitchException(node() + ": " + method + " " + path + " failed: " + e, e);
        }
        if (response.statusCode() >= 300) {
            Object reason = response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : response.body();
            throw new SwitchException(node() + ": " + method + " " + path + " → HTTP " + response.statusCode() + " "
                    + reason, null);
        }
        return response;
    }

    @Override
    public boolean endpointReachable(String endpointId) {
        try {
            HttpResponse<String> response = send("GET", "/ari/endpoints/PJSIP/" + encode(endpointId), null);
            if (response.statusCode() != 200) {
                return false;
            }
            String state = json.readTree(response.body()).path("state").asString();
            return "online".equals(state);
        } catch (Exception e) {
            throw new SwitchException("endpoint state of " + endpointId, e);
        }
    }

    @Override
    public boolean channelExists(String channelId) {
        try {
            return send("GET", "/ari/channels/" + encode(channelId), null).statusCode() == 200;
        } catch (Exception e) {
            throw new SwitchException("channel " + channelId, e);
        }
    }

    @Override
    public void subscribe(String channelId) {
        control("POST", "/applications/" + encode(app) + "/subscription", Map.of("eventSource",
                "channel:" + channelId), null);
    }

    @Override
    public void stopPlayback(String playbackId) {
        control("DELETE", "/playbacks/" + encode(playbackId), Map.of(), null);
    }

    @Override
    public void setVariable(String channelId, String name, String value) {
        control("POST", "/channels/" + encode(channelId) + "/variable", Map.of("variable", name, "value", value), null);
    }

    // --- push configuration (TEL-02) --------------------------------------------------------------

    /** Creates or replaces one sorcery object, e.g. ("res_pjsip", "endpoint", "trunk-…"). */
    void putObject(String configClass, String type, String id, Map<String, String> fields) {
        List<Map<String, String>> tuples = new ArrayList<>();
        fields.forEach((attribute, value) -> tuples.add(Map.of("attribute", attribute, "value", value)));
        try {
            request("PUT", "/ari/asterisk/config/dynamic/" + configClass + "/" + type + "/" + encode(id),
                    json.writeValueAsString(Map.of("fields", tuples)));
        } catch (Exception e) {
            throw new SwitchException("push of " + type + " " + id + " to " + node() + " failed: " + e.getMessage(), e);
        }
    }

    /** Deletes one sorcery object; a missing object is fine. */
    void deleteObject(String configClass, String type, String id) {
        try {
            HttpResponse<String> response = send("DELETE",
                    "/ari/asterisk/config/dynamic/" + configClass + "/" + type + "/" + encode(id), null);
            if (response.statusCode() >= 300 && response.statusCode() != 404) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            throw new SwitchException("delete of " + type + " " + id + " on " + node() + " failed", e);
        }
    }

    /** The ids of the PJSIP endpoints the node knows, to remove what cc-core no longer has. */
    List<String> endpointIds() {
        try {
            HttpResponse<String> response = send("GET", "/ari/endpoints/PJSIP", null);
            List<String> ids = new ArrayList<>();
            json.readTree(response.body()).forEach(node -> ids.add(node.path("resource").asString()));
            return ids;
        } catch (Exception e) {
            throw new SwitchException("endpoint list of " + node(), e);
        }
    }

    private void request(String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(String method, String path, String body, HttpResponse.BodyHandler<T> bodyHandler)
            throws Exception {
        String credentials = Base64.getEncoder().encodeToString(
                (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(trimmed(settings.ariUrl()) + path))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Basic " + credentials);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), bodyHandler);
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        closed = true;
        connected = false;
        disconnect();
    }
}
