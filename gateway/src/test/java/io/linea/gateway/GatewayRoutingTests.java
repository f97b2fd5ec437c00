package io.linea.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** Routing, Host and forwarded headers, the single-page app, security headers, 401/404/413 problems (TEN-01, SEC-05). */
class GatewayRoutingTests extends GatewayTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"/oauth2/authorize?client_id=linea-web", "/login", "/login/mfa", "/logout",
            "/connect/logout", "/.well-known/openid-configuration", "/userinfo", "/assets/identity/logo.svg"})
    void tenantServicePathsAreRoutedToTenantServiceWithoutAToken(String path) {
        client.get().uri(path).exchange().expectStatus().isOk().expectBody().jsonPath("$.upstream")
                .isEqualTo("tenant-service");
        String upstreamPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        IDENTITY.verify(1, getRequestedFor(urlPathMatching(Pattern.quote(upstreamPath))));
        CC.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void apiPathsAreRoutedByServiceWithTheirQueryString() {
        String token = token();
        client.get().uri("/api/identity/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.upstream").isEqualTo("tenant-service");
        client.get().uri("/api/cc/queues?page=1&size=5").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.upstream").isEqualTo("cc-core");
        CC.verify(1, getRequestedFor(urlEqualTo("/api/cc/queues?page=1&size=5"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token)));
        IDENTITY.verify(1, getRequestedFor(urlEqualTo("/api/identity/me")));
    }

    @Test
    void hostIsPreservedAndForwardedHeadersAreAdded() {
        String host = "demo.linea.test:" + port;
        client.get().uri("/login").header(HttpHeaders.HOST, host).exchange().expectStatus().isOk();
        IDENTITY.verify(1, getRequestedFor(urlEqualTo("/login")).withHeader("Host", equalTo(host))
                .withHeader("X-Forwarded-Host", equalTo(host)).withHeader("X-Forwarded-Proto", equalTo("http"))
                .withHeader("X-Forwarded-For", equalTo("127.0.0.1")));
    }

    @Test
    void clientSentTenantIdNeverReachesAnUpstream() {
        String forged = UUID.randomUUID().toString();
        client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token())).header("X-Tenant-Id", forged)
                .exchange().expectStatus().isOk();
        client.post().uri("/login").header("x-tenant-id", forged).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=a&password=b").exchange().expectStatus().isOk();
        client.get().uri("/.well-known/openid-configuration").header("X-TENANT-ID", forged).exchange()
                .expectStatus().isOk();
        assertNoRequestCarried(CC, "X-Tenant-Id", 1);
        assertNoRequestCarried(IDENTITY, "X-Tenant-Id", 2);
    }

    @Test
    void internalAndActuatorPathsOfServicesAreNotRouted() {
        problem(client.get().uri("/internal/tenants/status").header("X-Linea-Internal-Token", "guess").exchange(),
                HttpStatus.NOT_FOUND, "route.not-found");
        problem(client.get().uri("/actuator/gateway/routes").exchange(), HttpStatus.NOT_FOUND, "route.not-found");
        client.get().uri("/internal/tenants/status").accept(MediaType.TEXT_HTML).exchange().expectStatus()
                .isNotFound();
        // Paths a service would normalise into /internal/... are refused (Spring Security's strict firewall).
        for (String path : new String[] {"/api/identity/../../internal/tenants/status",
                "/api/identity/%2e%2e/%2e%2e/internal/tenants/status", "/api/identity/%2F..%2Finternal/tenants/status",
                "/api/identity/me;/../../internal/tenants/status"}) {
            client.get().uri(URI.create("http://127.0.0.1:" + port + path)).headers(h -> h.setBearerAuth(token()))
                    .exchange().expectStatus().isBadRequest();
        }
        IDENTITY.verify(0, anyRequestedFor(anyUrl()));
        CC.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void clientSideRoutesGetIndexHtmlButUnknownApiPathsGetA404Problem() {
        client.get().uri("/queues").accept(MediaType.TEXT_HTML, MediaType.ALL).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                .expectBody(String.class).value(body -> assertThat(body).contains("linea-spa-index"));
        client.get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("linea-spa-index"));
        problem(client.get().uri("/api/nope").accept(MediaType.TEXT_HTML).headers(h -> h.setBearerAuth(token()))
                .exchange(), HttpStatus.NOT_FOUND, "route.not-found");
        problem(client.get().uri("/queues").accept(MediaType.APPLICATION_JSON).exchange(), HttpStatus.NOT_FOUND,
                "route.not-found");
        CC.verify(0, anyRequestedFor(anyUrl()));
        IDENTITY.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void hashedAssetsAreCachedForAYear() {
        client.get().uri("/assets/app-3f9a1c.js").exchange().expectStatus().isOk().expectHeader()
                .valueMatches(HttpHeaders.CACHE_CONTROL, ".*max-age=31536000.*immutable.*")
                .expectBody(String.class).value(body -> assertThat(body).contains("linea-test-asset"));
        client.get().uri("/assets/missing-123.js").exchange().expectStatus().isNotFound();
    }

    @Test
    void securityHeadersAreOnEveryKindOfResponse() {
        IDENTITY.stubFor(get(urlEqualTo("/login")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("X-Frame-Options", "ALLOWALL").withBody("<form method=post></form>")));
        assertSecurityHeaders(client.get().uri("/queues").accept(MediaType.TEXT_HTML).exchange());
        assertSecurityHeaders(client.get().uri("/login").exchange());
        assertSecurityHeaders(client.get().uri("/api/cc/queues").exchange());
        assertSecurityHeaders(client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token())).exchange());
        client.get().uri("/queues").accept(MediaType.TEXT_HTML).exchange().expectHeader()
                .doesNotExist("Strict-Transport-Security");
    }

    @Test
    void hstsOnlyWhenATrustedProxyTerminatedTls() {
        // 127.0.0.1 is a trusted proxy in these tests.
        client.get().uri("/queues").accept(MediaType.TEXT_HTML).header("X-Forwarded-Proto", "https").exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void missingOrForeignTokensGetA401ProblemAndNoUpstreamCall() {
        problem(client.get().uri("/api/cc/queues").exchange(), HttpStatus.UNAUTHORIZED, "auth.required")
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer");
        String foreign = sign(new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("x")
                .expirationTime(java.util.Date.from(java.time.Instant.now().plusSeconds(60))).build(), generateKey());
        problem(client.get().uri("/api/identity/me").headers(h -> h.setBearerAuth(foreign)).exchange(),
                HttpStatus.UNAUTHORIZED, "auth.required");
        problem(client.get().uri("/api/cc/queues").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt").exchange(),
                HttpStatus.UNAUTHORIZED, "auth.required");
        CC.verify(0, anyRequestedFor(anyUrl()));
        IDENTITY.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void upstreamErrorsPassThroughUnchanged() {
        String body = "{\"type\":\"urn:linea:problem:queue.name-taken\",\"status\":409,\"code\":\"queue.name-taken\"}";
        CC.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/cc/queues")).atPriority(1)
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody(body)));
        client.post().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Billing\"}").exchange()
                .expectStatus().isEqualTo(409).expectHeader().contentType("application/problem+json")
                .expectBody(String.class).isEqualTo(body);
    }

    @Test
    void apiBodiesAboveOneMebibyteGetA413Problem() {
        byte[] large = new byte[1024 * 1024 + 1];
        problem(client.post().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(large).exchange(), HttpStatus.CONTENT_TOO_LARGE,
                "request.too-large");
        client.post().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[1024 * 1024]).exchange()
                .expectStatus().isOk();
        CC.verify(1, anyRequestedFor(anyUrl()));
    }

    /**
     * CRM-05: the integration API reaches cc-core with its API key and without a person's token; a tenant id the
     * caller sends is dropped (the key decides the tenant in cc-core).
     */
    @Test
    void integrationApiPassesItsKeyToCcCoreWithoutAToken() {
        CC.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/integration/v1/clients:upsert"))
                .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[]")));
        client.post().uri("/api/integration/v1/clients:upsert").header("X-Linea-Api-Key", "lnk_ab3cd4ef5g_secret")
                .header("X-Tenant-Id", "00000000-0000-0000-0000-000000000001")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[]").exchange().expectStatus().isOk();
        var requests = CC.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo("/api/integration/v1/clients:upsert")));
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().getHeader("X-Linea-Api-Key")).isEqualTo("lnk_ab3cd4ef5g_secret");
        assertThat(requests.getFirst().containsHeader("X-Tenant-Id")).isFalse();
        // the rest of the API still wants a person's token
        problem(client.get().uri("/api/cc/queues").header("X-Linea-Api-Key", "lnk_ab3cd4ef5g_secret").exchange(),
                HttpStatus.UNAUTHORIZED, "auth.required");
    }

    /** HD-03, CRM-05: a document or client list of a few megabytes passes; a JSON body that size does not. */
    @Test
    void fileUploadsMayBeLargerThanApiBodies() {
        CC.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/cc/kb/articles/import"))
                .atPriority(1).willReturn(aResponse().withStatus(201)));
        byte[] document = new byte[5 * 1024 * 1024];
        client.post().uri("/api/cc/kb/articles/import").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=xyz")).bodyValue(document)
                .exchange().expectStatus().isCreated();
        problem(client.post().uri("/api/cc/kb/articles/import").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(document).exchange(), HttpStatus.CONTENT_TOO_LARGE,
                "request.too-large");
        problem(client.post().uri("/api/cc/kb/articles/import").headers(h -> h.setBearerAuth(token()))
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=xyz"))
                .bodyValue(new byte[60 * 1024 * 1024 + 1]).exchange(), HttpStatus.CONTENT_TOO_LARGE,
                "request.too-large");
    }

    @Test
    void gatewayHealthIsUpWithoutDetails() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status")
                .isEqualTo("UP").jsonPath("$.components").doesNotExist();
    }

    private void assertSecurityHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; "
                                + "form-action 'self' linea.test:* *.linea.test:*")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Permissions-Policy", "microphone=(self), camera=()");
    }

    private static void assertNoRequestCarried(WireMockServer upstream, String header, int expectedRequests) {
        var requests = upstream.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(expectedRequests);
        for (LoggedRequest request : requests) {
            assertThat(request.containsHeader(header)).as("%s reached %s", header, request.getUrl()).isFalse();
        }
    }
}
