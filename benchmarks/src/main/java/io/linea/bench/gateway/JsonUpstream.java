package io.linea.bench.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A minimal upstream: every GET answers the same ~1 KB JSON document (shaped like an OpenID discovery document), so
 * that B7 measures the gateway and not the service behind it.
 */
final class JsonUpstream implements AutoCloseable {

    static final String PATH = "/.well-known/openid-configuration";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private JsonUpstream(HttpServer server) {
        this.server = server;
    }

    static JsonUpstream start() throws IOException {
        byte[] body = body().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        JsonUpstream upstream = new JsonUpstream(server);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(upstream.executor);
        server.start();
        return upstream;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static String body() {
        String issuer = "http://localhost:8080";
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",\
                "jwks_uri":"%1$s/oauth2/jwks","userinfo_endpoint":"%1$s/userinfo","end_session_endpoint":"%1$s/connect/logout",\
                "revocation_endpoint":"%1$s/oauth2/revoke","introspection_endpoint":"%1$s/oauth2/introspect",\
                "response_types_supported":["code"],"grant_types_supported":["authorization_code","refresh_token"],\
                "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],\
                "scopes_supported":["openid","profile","email"],"token_endpoint_auth_methods_supported":["none",\
                "client_secret_basic","client_secret_post"],"code_challenge_methods_supported":["S256"],\
                "claims_supported":["sub","preferred_username","name","locale","platform_roles","memberships"],\
                "ui_locales_supported":["en","ro","ru","cs","pl","uk","kk"],"request_parameter_supported":false,\
                "service_documentation":"%1$s/docs","padding":"B7 upstream body used to measure the gateway overhead only"}"""
                .formatted(issuer);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
