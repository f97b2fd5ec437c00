package io.linea.gateway;

import static io.linea.gateway.GatewayTestSupport.problem;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * tenant-service and cc-core down, no trusted proxies: the gateway answers 503 problems itself, and a client cannot
 * dodge the login limit by inventing X-Forwarded-For addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "linea.gateway.identity-url=http://127.0.0.1:${test.closed-port}",
        "linea.gateway.cc-url=http://127.0.0.1:${test.closed-port}",
        "linea.gateway.rate-limit.login.period=1h"})
@Import(GatewayTestSupport.TestJwt.class)
class UpstreamUnavailableTests {

    static {
        try (ServerSocket socket = new ServerSocket(0)) {
            System.setProperty("test.closed-port", Integer.toString(socket.getLocalPort()));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void tenantStatusUnreachableWithNothingCachedGives503() {
        UUID tenant = UUID.randomUUID();
        problem(client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(GatewayTestSupport.token(tenant)))
                .header("X-Linea-Tenant", tenant.toString()).exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                "gateway.upstream-unavailable");
    }

    @Test
    void unreachableUpstreamGives503Problem() {
        problem(client.get().uri("/.well-known/openid-configuration").exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                "gateway.upstream-unavailable");
    }

    @Test
    void untrustedForwardedForDoesNotBypassTheLoginLimit() {
        for (int i = 0; i < 20; i++) {
            client.post().uri("/login").header("X-Forwarded-For", "192.0.2." + i)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("username=a&password=b").exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }
        problem(client.post().uri("/login").header("X-Forwarded-For", "192.0.2.200")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("username=a&password=b").exchange(),
                HttpStatus.TOO_MANY_REQUESTS, "rate.limited");
    }
}
