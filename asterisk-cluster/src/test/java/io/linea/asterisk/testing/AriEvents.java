package io.linea.asterisk.testing;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The node's ARI event WebSocket for the Stasis app, collecting every event for assertions. */
final class AriEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> events = new ArrayList<>();
    private final WebSocket socket;

    private AriEvents(AsteriskNode node) throws Exception {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(node.ariEventsUri(), new Listener()).get(10, TimeUnit.SECONDS);
        // Calls reach Stasis only once the application is registered.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (node.ariRequest("GET", "/applications/" + node.app(), null).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Stasis application " + node.app() + " did not register");
            }
            Thread.sleep(100);
        }
    }

    static AriEvents connect(AsteriskNode node) throws Exception {
        return new AriEvents(node);
    }

    /** The first event (already received or arriving within {@code timeout}) that matches. */
    synchronized JsonNode await(Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JsonNode event : events) {
                if (match.test(event)) {
                    return event;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching ARI event within " + timeout + "; received: " + types());
            }
            wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }

    JsonNode await(String type, String channelId, Duration timeout) throws InterruptedException {
        return await(event -> type.equals(event.path("type").asString())
                && (channelId == null || channelId.equals(event.path("channel").path("id").asString())), timeout);
    }

    synchronized List<String> types() {
        return events.stream().map(event -> event.path("type").asString()).toList();
    }

    private synchronized void add(JsonNode event) {
        events.add(event);
        notifyAll();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                add(JSON.readTree(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
