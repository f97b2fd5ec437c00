package io.linea.cc.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.platform.tenancy.TenantContext;
import io.linea.platform.testing.LineaIntegrationTest;

/** What the telephony module reads: routes, carriers, endpoints and whom to ring (TEL-02, TEL-04, TEN-02). */
@LineaIntegrationTest
class TelephonyDirectoryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TelephonyDirectory directory;

    private Api platform() {
        return Api.platformAdmin(port);
    }

    private UUID agent(Api tenant, String name, String reach, String mobile, boolean available) {
        Map<String, Object> body = new HashMap<>(Map.of("displayName", name, "reach", reach, "available", available));
        if (mobile != null) {
            body.put("mobileE164", mobile);
        }
        Api.Response created = tenant.post("/api/cc/agents", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private String credentials(Api tenant, UUID agent) {
        return tenant.post("/api/cc/agents/" + agent + "/credentials", null).json().path("sipUsername").asString();
    }

    @Test
    void agentsToRingAreTheReachableAvailableOnesLongestIdleFirst() {
        Api a = Api.adminOfNewTenant(port);
        UUID zed = agent(a, "Zed", "ENDPOINT", null, true);
        String zedEndpoint = credentials(a, zed);
        UUID amy = agent(a, "Amy", "MOBILE", "+447700900001", true);
        UUID bob = agent(a, "Bob", "ENDPOINT", "+447700900002", true);
        UUID cat = agent(a, "Cat", "ENDPOINT", null, true);
        credentials(a, cat);
        UUID dan = agent(a, "Dan", "ENDPOINT", null, false);
        credentials(a, dan);
        agent(a, "Eve", "ENDPOINT", null, true);
        Instant now = Instant.parse("2026-05-01T10:00:00Z");
        directory.recordCallEnded(a.tenant(), bob, now.minusSeconds(600));
        directory.recordCallEnded(a.tenant(), cat, now.minusSeconds(60));

        List<AgentTarget> ring = directory.agentsToRing(a.tenant());
        assertThat(ring).extracting(AgentTarget::agentId).containsExactly(amy, zed, bob, cat);
        AgentTarget first = ring.getFirst();
        assertThat(first.tenantId()).isEqualTo(a.tenant());
        assertThat(first.reach()).isEqualTo(AgentReach.MOBILE);
        assertThat(first.endpointId()).isNull();
        assertThat(first.mobileE164()).isEqualTo("+447700900001");
        assertThat(ring.get(1).endpointId()).isEqualTo(zedEndpoint);

        // an older end reported late changes nothing; a newer one sends the agent to the back
        directory.recordCallEnded(a.tenant(), cat, now.minusSeconds(3600));
        directory.recordCallEnded(a.tenant(), bob, now);
        assertThat(directory.agentsToRing(a.tenant())).extracting(AgentTarget::agentId)
                .containsExactly(amy, zed, cat, bob);
        directory.recordCallEnded(a.tenant(), zed, now.plusSeconds(1));
        assertThat(directory.agentsToRing(a.tenant())).extracting(AgentTarget::agentId)
                .containsExactly(amy, cat, bob, zed);

        // the call path's bookkeeping does not bump the version or get overwritten by an admin's edit
        assertThat(a.get("/api/cc/agents/" + bob).json().path("version").asLong()).isZero();
        assertThat(a.put("/api/cc/agents/" + bob, Map.of("displayName", "Bob", "reach", "ENDPOINT",
                "mobileE164", "+447700900002", "available", true, "version", 0)).status()).isEqualTo(200);
        assertThat(directory.agentsToRing(a.tenant())).extracting(AgentTarget::agentId)
                .containsExactly(amy, cat, bob, zed);

        assertThat(directory.agentsToRing(Api.adminOfNewTenant(port).tenant())).isEmpty();
        assertThat(TenantContext.scope()).isEmpty();
    }

    @Test
    void agentsAndEndpointsAreFoundByIdUserAndSipUsername() {
        Api a = Api.adminOfNewTenant(port);
        UUID user = UUID.randomUUID();
        Api.Response created = a.post("/api/cc/agents", Map.of("displayName", "Ana", "userId", user.toString(),
                "reach", "ENDPOINT", "available", false));
        UUID agent = created.id();
        assertThat(directory.agent(a.tenant(), agent)).get().extracting(AgentTarget::displayName, AgentTarget::userId)
                .containsExactly("Ana", user);
        assertThat(directory.agentOfUser(a.tenant(), user)).get().extracting(AgentTarget::agentId).isEqualTo(agent);
        assertThat(directory.agent(UUID.randomUUID(), agent)).isEmpty();
        assertThat(directory.agentOfUser(UUID.randomUUID(), user)).isEmpty();

        String endpoint = credentials(a, agent);
        AgentEndpointConfig config = directory.endpoint(endpoint).orElseThrow();
        assertThat(config.tenantId()).isEqualTo(a.tenant());
        assertThat(config.agentId()).isEqualTo(agent);
        assertThat(config.md5Credential()).matches("[0-9a-f]{32}");
        assertThat(directory.endpoints()).contains(config);
        assertThat(directory.agent(a.tenant(), agent).orElseThrow().endpointId()).isEqualTo(endpoint);

        a.delete("/api/cc/agents/" + agent + "/credentials");
        assertThat(directory.endpoint(endpoint)).isEmpty();
        assertThat(directory.endpoints()).extracting(AgentEndpointConfig::endpointId).doesNotContain(endpoint);
        assertThat(directory.agent(a.tenant(), agent).orElseThrow().endpointId()).isNull();
    }

    /** B4: an offered agent is rung from memory; a change made through the API is never rung stale. */
    @Test
    void aLookedUpAgentIsRememberedUntilItChangesAndOnlyForItsTenant() {
        Api a = Api.adminOfNewTenant(port);
        UUID amy = agent(a, "Amy", "MOBILE", "+447700900011", true);
        assertThat(directory.recentAgent(a.tenant(), amy)).as("never looked up").isEmpty();
        assertThat(directory.agent(a.tenant(), amy)).isPresent();
        assertThat(directory.recentAgent(a.tenant(), amy)).get().extracting(AgentTarget::mobileE164)
                .isEqualTo("+447700900011");
        assertThat(directory.recentAgent(UUID.randomUUID(), amy)).as("another tenant's id").isEmpty();

        Api.Response changed = a.put("/api/cc/agents/" + amy, Map.of("displayName", "Amy", "reach", "MOBILE",
                "mobileE164", "+447700900012", "available", true, "version", 0));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(directory.recentAgent(a.tenant(), amy)).as("forgotten after the change").isEmpty();
        assertThat(directory.agent(a.tenant(), amy)).get().extracting(AgentTarget::mobileE164)
                .isEqualTo("+447700900012");
    }

    @Test
    void routesCarriersAndCallerNumbers() {
        Api a = Api.adminOfNewTenant(port);
        Map<String, Object> carrierBody = new HashMap<>(Fixtures.carrier(Fixtures.unique("Directory")));
        UUID carrier = platform().post("/api/cc/platform/carriers", carrierBody).id();
        // the same random tail after +44201 and +44209: the first sorts before the second
        String tail = Fixtures.e164().substring(6);
        String low = "+44201" + tail;
        String high = "+44209" + tail;
        UUID highId = platform().post("/api/cc/platform/numbers", Fixtures.number(high, carrier, a.tenant())).id();
        UUID lowId = platform().post("/api/cc/platform/numbers", Fixtures.number(low, carrier, a.tenant())).id();
        String unassigned = Fixtures.e164();
        platform().post("/api/cc/platform/numbers", Fixtures.number(unassigned, carrier, null));
        a.put("/api/cc/numbers/" + highId, Map.of("target", "AGENTS", "greeting", "Bun venit", "version", 0));

        NumberRoute route = directory.route(high).orElseThrow();
        assertThat(route).isEqualTo(new NumberRoute(a.tenant(), highId, high, NumberType.GEOGRAPHIC, carrier,
                RouteTarget.AGENTS, "Bun venit", null, 0));
        assertThat(directory.route(high.substring(1))).contains(route);
        assertThat(directory.route(low).orElseThrow().greeting()).isNull();
        assertThat(directory.route(unassigned)).isEmpty();
        assertThat(directory.route("+99999999999")).isEmpty();
        assertThat(directory.route("s")).isEmpty();

        CarrierConfig config = directory.carrier(carrier).orElseThrow();
        assertThat(config.endpointId()).isEqualTo("trunk-" + carrier);
        assertThat(config.password()).isEqualTo("trunk-secret");
        assertThat(config.codecs()).containsExactly("alaw", "ulaw");
        assertThat(config.matchCidrs()).containsExactly("203.0.113.0/24");
        assertThat(directory.carriers()).contains(config);

        CallerNumber first = directory.defaultCallerNumber(a.tenant()).orElseThrow();
        assertThat(first.e164()).isEqualTo(low);
        assertThat(first.numberId()).isEqualTo(lowId);
        assertThat(first.carrier()).isEqualTo(config);
        assertThat(directory.callerNumber(a.tenant(), highId).orElseThrow().e164()).isEqualTo(high);
        assertThat(directory.callerNumber(UUID.randomUUID(), highId)).isEmpty();
        assertThat(directory.defaultCallerNumber(UUID.randomUUID())).isEmpty();

        carrierBody.put("enabled", false);
        carrierBody.put("version", 0);
        assertThat(platform().put("/api/cc/platform/carriers/" + carrier, carrierBody).status()).isEqualTo(200);
        assertThat(directory.carrier(carrier)).isEmpty();
        assertThat(directory.carriers()).extracting(CarrierConfig::id).doesNotContain(carrier);
        assertThat(directory.defaultCallerNumber(a.tenant())).isEmpty();
        assertThat(directory.route(high)).isPresent();
    }

    @Test
    void worksFromInsideATenantScopeAndLeavesItAlone() {
        Api a = Api.adminOfNewTenant(port);
        agent(a, "Solo", "MOBILE", "+447700900003", true);
        UUID other = UUID.randomUUID();
        List<AgentTarget> ring = TenantContext.callAs(other, () -> {
            List<AgentTarget> found = directory.agentsToRing(a.tenant());
            assertThat(TenantContext.currentTenant()).contains(other);
            return found;
        });
        assertThat(ring).extracting(AgentTarget::displayName).containsExactly("Solo");
    }
}
