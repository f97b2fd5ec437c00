package io.linea.cc.ticket;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts JSON to a tenant's systems (escalation webhooks, hand-off, HD-01, HD-02) with the JDK client, retried
 * with doubling pauses. Runs outside any database transaction: a slow receiver holds no row locks.
 */
@Component
class OutboundHttp {

    private static final Logger log = LoggerFactory.getLogger(OutboundHttp.class);

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final TicketSettings settings;
    private final HttpClient client;

    OutboundHttp(TicketSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Sends {@code body} until a 2xx answer or the attempts are used up. The reference is the receiver's
     * {@code id} or {@code reference} field of a JSON answer, else its {@code Location} header.
     */
    Delivery postJson(String url, Map<String, String> headers, Object body) {
        String json = JSON.writeValueAsString(body);
        String lastError = null;
        int attempts = Math.max(1, settings.attempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1 && !pause(settings.retryBackoff().multipliedBy(1L << (attempt - 2)))) {
                return new Delivery(false, attempt - 1, "interrupted", null);
            }
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.httpTimeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
                headers.forEach(request::header);
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return new Delivery(true, attempt, null, reference(response));
                }
                lastError = "HTTP " + response.statusCode();
            } catch (IOException | IllegalArgumentException e) {
                lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery(false, attempt, "interrupted", null);
            }
            // the URL may carry a token in its query: log the host only
            log.info("POST to {} failed (attempt {} of {}): {}", host(url), attempt, attempts, lastError);
        }
        return new Delivery(false, attempts, lastError.length() > 500 ? lastError.substring(0, 500) : lastError,
                null);
    }

    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String reference(HttpResponse<String> response) {
        String body = response.body();
        if (body != null && body.strip().startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(body);
                for (String field : new String[] { "reference", "id" }) {
                    if (node.hasNonNull(field) && node.get(field).isValueNode()) {
                        String value = node.get(field).asString();
                        return value.length() > 200 ? value.substring(0, 200) : value;
                    }
                }
            } catch (RuntimeException e) {
                log.debug("Answer is not JSON: {}", e.toString());
            }
        }
        return response.headers().firstValue("Location").map(v -> v.length() > 200 ? v.substring(0, 200) : v)
                .orElse(null);
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }
}
