package io.linea.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.github.tomakehurst.wiremock.http.Fault;

/** X-Linea-Tenant → membership and status checks → X-Tenant-Id (TEN-01, TEN-03, TEN-05, I18N-01). */
class TenantSelectionTests extends GatewayTestSupport {

    @Test
    void memberOfAnActiveTenantGetsTheGatewaySetTenantHeaderInsteadOfTheClientOne() {
        UUID tenant = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        tenantStatuses(active(tenant, other));
        client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token(tenant)))
                .header("X-Linea-Tenant", tenant.toString()).header("X-Tenant-Id", other.toString()).exchange()
                .expectStatus().isOk();
        CC.verify(1, getRequestedFor(urlEqualTo("/api/cc/queues")).withHeader("X-Tenant-Id", equalTo(tenant.toString())));
        assertThat(CC.findAll(anyRequestedFor(anyUrl())).getFirst().getHeaders().getHeader("X-Tenant-Id").values())
                .containsExactly(tenant.toString());
    }

    @Test
    void operatorServingTwoTenantsSwitchesWithoutANewToken() {
        UUID demo = UUID.randomUUID();
        UUID health = UUID.randomUUID();
        tenantStatuses(active(demo, health));
        String token = token(demo, health);
        for (UUID tenant : new UUID[] {demo, health}) {
            client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token))
                    .header("X-Linea-Tenant", tenant.toString()).exchange().expectStatus().isOk();
            CC.verify(1, getRequestedFor(urlEqualTo("/api/cc/queues")).withHeader("X-Tenant-Id",
                    equalTo(tenant.toString())));
        }
    }

    @Test
    void nonMemberGets403AndTheUpstreamIsNeverCalled() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        tenantStatuses(active(mine, theirs));
        problem(client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token(mine)))
                .header("X-Linea-Tenant", theirs.toString()).exchange(), HttpStatus.FORBIDDEN, "tenant.not-member");
        problem(client.get().uri("/api/identity/users").headers(h -> h.setBearerAuth(token(mine)))
                .header("X-Linea-Tenant", "not-a-uuid").exchange(), HttpStatus.FORBIDDEN, "tenant.not-member");
        CC.verify(0, anyRequestedFor(anyUrl()));
        IDENTITY.verify(0, anyRequestedFor(urlEqualTo("/api/identity/users")));
    }

    @Test
    void suspendedTenantGets403InTheCallersLanguageNamingNoOtherTenant() {
        UUID suspended = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        tenantStatuses(Map.of(suspended, "SUSPENDED", other, "ACTIVE"));
        client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token(suspended)))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ro-RO,ro;q=0.9,en;q=0.8")
                .header("X-Linea-Tenant", suspended.toString()).exchange()
                .expectStatus().isForbidden()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "ro")
                .expectBody()
                .jsonPath("$.code").isEqualTo("tenant.suspended")
                .jsonPath("$.type").isEqualTo("urn:linea:problem:tenant.suspended")
                .jsonPath("$.detail").isEqualTo("Această organizație client este suspendată.")
                .consumeWith(result -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
                        .doesNotContain(other.toString()).doesNotContain("t-" + other.toString().substring(0, 8)));
        CC.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void tenantUnknownToTenantServiceIsTreatedAsNotAMember() {
        UUID known = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        tenantStatuses(active(known));
        problem(client.get().uri("/api/cc/queues").headers(h -> h.setBearerAuth(token(deleted)))
                .header("X-Linea-Tenant", deleted.toString()).exchange(), HttpStatus.FORBIDDEN, "tenant.not-member");
        CC.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void statusIsCachedForTheTtlThenFetchedAgain() throws InterruptedException {
        UUID tenant = UUID.randomUUID();
        tenantStatuses(active(tenant));
        String token = token(tenant);
        call(token, tenant).expectStatus().isOk();
        tenantStatuses(Map.of(tenant, "SUSPENDED"));
        call(token, tenant).expectStatus().isOk();
        IDENTITY.verify(1, getRequestedFor(urlEqualTo("/internal/tenants/status"))
                .withHeader("X-Linea-Internal-Token", equalTo("test-internal-token")));

        Thread.sleep(3_300); // linea.gateway.tenant-status-ttl=3s in these tests
        problem(call(token, tenant), HttpStatus.FORBIDDEN, "tenant.suspended");
        IDENTITY.verify(2, getRequestedFor(urlEqualTo("/internal/tenants/status")));
        CC.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void lastKnownStatusesAreUsedWhileTenantServiceFails() throws InterruptedException {
        UUID tenant = UUID.randomUUID();
        tenantStatuses(active(tenant));
        String token = token(tenant);
        call(token, tenant).expectStatus().isOk();
        IDENTITY.stubFor(get(urlEqualTo("/internal/tenants/status")).atPriority(0)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Thread.sleep(3_300);
        call(token, tenant).expectStatus().isOk();
        call(token, tenant).expectStatus().isOk();
        IDENTITY.verify(2, getRequestedFor(urlEqualTo("/internal/tenants/status")));
        CC.verify(3, anyRequestedFor(anyUrl()));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec call(String token, UUID tenant) {
        return client.get().uri("/api/cc/settings").headers(h -> h.setBearerAuth(token))
                .header("X-Linea-Tenant", tenant.toString()).exchange();
    }
}
