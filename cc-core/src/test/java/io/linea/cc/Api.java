package io.linea.cc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.linea.platform.security.Roles;
import io.linea.platform.testing.TestTokens;

/** Real HTTP calls against the service under test, as one caller (token, tenant header, language). */
public record Api(int port, String token, UUID tenant, String language) {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A tenant admin (all tenant permissions) of a fresh tenant. */
    public static Api adminOfNewTenant(int port) {
        UUID tenant = UUID.randomUUID();
        return new Api(port, TestTokens.person().member(tenant, Roles.TENANT_ADMIN).token(), tenant, null);
    }

    /** The platform admin: no tenant header, platform scope (TEN-02). */
    public static Api platformAdmin(int port) {
        return new Api(port, TestTokens.person().platformAdmin().token(), null, null);
    }

    public Api withTenant(UUID otherTenant) {
        return new Api(port, token, otherTenant, language);
    }

    public Api withToken(String otherToken) {
        return new Api(port, otherToken, tenant, language);
    }

    public Api inLanguage(String acceptLanguage) {
        return new Api(port, token, tenant, acceptLanguage);
    }

    public Response get(String path) {
        return call("GET", path, null);
    }

    public Response post(String path, Object body) {
        return call("POST", path, body);
    }

    public Response put(String path, Object body) {
        return call("PUT", path, body);
    }

    public Response delete(String path) {
        return call("DELETE", path, null);
    }

    /** {@code body} is sent as is when it is a String, else serialised to JSON. */
    public Response call(String method, String path, Object body) {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text));
        if (text != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (tenant != null) {
            request.header("X-Tenant-Id", tenant.toString());
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A multipart/form-data POST of one file part {@code file} (left out when {@code fileName} is null) and
     * plain fields, as a browser sends an upload.
     */
    public Response upload(String path, String fileName, String contentType, byte[] content,
            java.util.Map<String, String> fields) {
        String boundary = "----linea" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
        if (fileName != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(utf8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers(request);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose answer is kept as bytes, with its headers (downloads). */
    public HttpResponse<byte[]> download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        headers(request);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void headers(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (tenant != null) {
            request.header("X-Tenant-Id", tenant.toString());
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
    }

    public record Response(int status, String raw) {

        public JsonNode json() {
            return raw == null || raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw);
        }

        public String code() {
            return json().path("code").asString();
        }

        public UUID id() {
            return UUID.fromString(json().path("id").asString());
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }
}
