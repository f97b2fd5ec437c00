package io.linea.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Runs the gateway on a random port in front of two WireMock servers standing in for tenant-service and cc-core.
 * They only record and echo what the gateway sends: these tests are about the gateway's own behaviour. Tokens are
 * signed with an RSA key generated here and checked by a {@code @Primary} decoder for that key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "linea.gateway.internal-token=test-internal-token",
        "linea.gateway.tenant-status-ttl=3s",
        "linea.gateway.base-domain=linea.test",
        "linea.gateway.trusted-proxies=127.0.0.1,::1",
        "linea.gateway.rate-limit.api.capacity=10",
        "linea.gateway.rate-limit.api.refill=1",
        "linea.gateway.rate-limit.api.period=30s",
        // 20 login attempts as in production, but refilled per hour so a slow machine cannot refill one mid-test
        "linea.gateway.rate-limit.login.period=1h"})
@Import(GatewayTestSupport.TestJwt.class)
public abstract class GatewayTestSupport {

    protected static final WireMockServer IDENTITY = started();
    protected static final WireMockServer CC = started();
    protected static final RSAKey KEY = generateKey();

    @LocalServerPort
    protected int port;

    protected WebTestClient client;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("linea.gateway.identity-url", IDENTITY::baseUrl);
        registry.add("linea.gateway.cc-url", CC::baseUrl);
    }

    @BeforeEach
    void resetUpstreams() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
        IDENTITY.resetAll();
        CC.resetAll();
        for (WireMockServer upstream : List.of(IDENTITY, CC)) {
            upstream.stubFor(any(urlPathMatching("/.*")).atPriority(10)
                    .willReturn(okJson("{\"upstream\":\"" + (upstream == CC ? "cc-core" : "tenant-service") + "\"}")));
        }
    }

    /** Stubs {@code /internal/tenants/status} (it needs the internal token) with the given tenants. */
    protected static void tenantStatuses(Map<UUID, String> statuses) {
        String body = statuses.entrySet().stream()
                .map(e -> "{\"id\":\"" + e.getKey() + "\",\"slug\":\"t-" + e.getKey().toString().substring(0, 8)
                        + "\",\"status\":\"" + e.getValue() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        IDENTITY.stubFor(get(urlEqualTo("/internal/tenants/status")).atPriority(1)
                .withHeader("X-Linea-Internal-Token", equalTo("test-internal-token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** A signed access token for a new person with memberships in the given tenants. */
    protected static String token(UUID... tenants) {
        List<Map<String, Object>> memberships = Arrays.stream(tenants)
                .map(t -> Map.<String, Object>of("tenant_id", t.toString(), "slug", "t", "name", "Tenant",
                        "roles", List.of("agent"), "permissions", List.of()))
                .toList();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString())
                .issuer("http://localhost:8080").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("preferred_username", "test-user").claim("memberships", memberships).build();
        return sign(claims, KEY);
    }

    /** Asserts a gateway problem response: status, content type and the RFC 9457 members. */
    protected static WebTestClient.ResponseSpec problem(WebTestClient.ResponseSpec response, HttpStatus status, String code) {
        response.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:linea:problem:" + code).jsonPath("$.code")
                .isEqualTo(code).jsonPath("$.status").isEqualTo(status.value()).jsonPath("$.title")
                .isEqualTo(status.getReasonPhrase()).jsonPath("$.detail").isNotEmpty().jsonPath("$.instance")
                .isNotEmpty();
        return response;
    }

    protected static Map<UUID, String> active(UUID... tenants) {
        Map<UUID, String> statuses = new HashMap<>();
        for (UUID tenant : tenants) {
            statuses.put(tenant, "ACTIVE");
        }
        return statuses;
    }

    protected static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestJwt {

        @Bean
        @Primary
        ReactiveJwtDecoder testJwtDecoder() throws JOSEException {
            return NimbusReactiveJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
        }
    }
}
