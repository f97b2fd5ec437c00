package io.linea.identity.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for the service's API. */
public class Api {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String token;
    private UUID tenant;
    private String language = "en";

    public Api(int port) {
        this.port = port;
    }

    public Api as(String bearer) {
        this.token = bearer;
        return this;
    }

    public Api tenant(UUID tenantId) {
        this.tenant = tenantId;
        return this;
    }

    public Api language(String tag) {
        this.language = tag;
        return this;
    }

    public record Response(int status, String body, String contentType) {

        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        public String code() {
            JsonNode code = json().get("code");
            return code == null ? null : code.asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends a body as given: a String is sent raw (for malformed JSON), anything else as JSON. */
    public Response send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Accept-Language", language);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (tenant != null) {
            request.header("X-Tenant-Id", tenant.toString());
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
