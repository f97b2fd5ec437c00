package io.linea.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Login attempts per client address and API calls per tenant are limited (TEN-01: one tenant cannot starve another). */
class RateLimitTests extends GatewayTestSupport {

    @Test
    void twentyFirstLoginPostFromOneAddressGets429WithRetryAfter() {
        // 127.0.0.1 is a trusted proxy here, so X-Forwarded-For names the client (another test covers untrusted).
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 20; i++) {
            String path = i % 2 == 0 ? "/login" : "/oauth2/token";
            client.post().uri(path).header("X-Forwarded-For", address)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("username=a&password=b").exchange()
                    .expectStatus().isOk();
        }
        problem(client.post().uri("/login/mfa").header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("code=123456").exchange(),
                HttpStatus.TOO_MANY_REQUESTS, "rate.limited")
                .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isBetween(1L, 180L));
        IDENTITY.verify(20, postRequestedFor(anyUrl()));

        client.post().uri("/login").header("X-Forwarded-For", "198.51.100.9")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("username=a&password=b").exchange()
                .expectStatus().isOk();
        client.get().uri("/login").header("X-Forwarded-For", address).exchange().expectStatus().isOk();
    }

    @Test
    void perTenantLimitThrottlesOneTenantAndNotTheOther() {
        // capacity 10, refill 1 per 30 s in these tests
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        tenantStatuses(active(a, b));
        String token = token(a, b);
        for (int i = 0; i < 10; i++) {
            client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token)).header("X-Linea-Tenant", a.toString())
                    .exchange().expectStatus().isOk();
        }
        problem(client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token))
                .header("X-Linea-Tenant", a.toString()).exchange(), HttpStatus.TOO_MANY_REQUESTS, "rate.limited")
                .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isBetween(1L, 30L));
        client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token)).header("X-Linea-Tenant", b.toString())
                .exchange().expectStatus().isOk();
    }

    @Test
    void namingAForeignTenantDoesNotUseUpItsBudget() {
        UUID victim = UUID.randomUUID();
        UUID attacker = UUID.randomUUID();
        tenantStatuses(active(victim, attacker));
        String attackerToken = token(attacker);
        for (int i = 0; i < 15; i++) {
            client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(attackerToken))
                    .header("X-Linea-Tenant", victim.toString()).exchange().expectStatus().isForbidden();
        }
        client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token(victim)))
                .header("X-Linea-Tenant", victim.toString()).exchange().expectStatus().isOk();
    }
}
