package io.linea.identity.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.linea.identity.testing.Api;
import io.linea.identity.testing.Fixtures;
import io.linea.identity.testing.IdentityIntegrationTest;
import io.linea.platform.security.Roles;

/** Platform administration: tenants, people, memberships, the gateway's status endpoint (TEN-05). */
class PlatformAdministrationTest extends IdentityIntegrationTest {

    @Test
    void tenantsAreCreatedSuspendedAndReactivatedWithAudit() throws Exception {
        Fixtures.User admin = fixtures.platformAdmin();
        Api api = api().as(admin.token());
        String slug = Fixtures.unique("acme");

        Api.Response created = api.post("/api/identity/platform/tenants",
                Map.of("slug", slug, "displayName", "Acme Water", "defaultLanguage", "pl", "timeZone", "Europe/Warsaw"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode tenant = created.json();
        assertThat(tenant.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(tenant.get("defaultLanguage").asString()).isEqualTo("pl");
        String id = tenant.get("id").asString();

        assertThat(api.post("/api/identity/platform/tenants", Map.of("slug", slug, "displayName", "Again"))
                .code()).isEqualTo("tenant.slug-taken");
        assertThat(api.post("/api/identity/platform/tenants", Map.of("slug", "www", "displayName", "Reserved"))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/identity/platform/tenants", Map.of("slug", "Bad Slug!", "displayName", "X"))
                .code()).isEqualTo("validation.failed");
        assertThat(api.post("/api/identity/platform/tenants",
                Map.of("slug", Fixtures.unique("tz"), "displayName", "X", "timeZone", "Mars/Olympus")).status())
                .isEqualTo(400);

        Api.Response suspended = api.post("/api/identity/platform/tenants/" + id + "/suspend",
                Map.of("reason", "contract ended"));
        assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.json().get("suspendedReason").asString()).isEqualTo("contract ended");
        assertThat(status(INTERNAL_TOKEN)).contains("\"slug\":\"" + slug + "\",\"status\":\"SUSPENDED\"");
        Api.Response reactivated = api.post("/api/identity/platform/tenants/" + id + "/reactivate", null);
        assertThat(reactivated.json().get("status").asString()).isEqualTo("ACTIVE");

        JsonNode audit = api.get("/api/identity/platform/audit?tenantId=" + id + "&size=50").json();
        List<String> types = new java.util.ArrayList<>();
        audit.get("items").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).contains("tenant.created", "tenant.suspended", "tenant.reactivated");
        assertThat(api.get("/api/identity/platform/tenants").body()).contains(slug);
        assertThat(api.get("/api/identity/platform/tenants/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void internalStatusNeedsTheInternalToken() throws Exception {
        assertThat(statusCode(null)).isEqualTo(401);
        assertThat(statusCode("wrong-token")).isEqualTo(401);
        assertThat(statusCode(INTERNAL_TOKEN)).isEqualTo(200);
    }

    @Test
    void peopleAndMembershipsAreManagedByThePlatformAdmin() {
        Fixtures.User admin = fixtures.platformAdmin();
        Api api = api().as(admin.token());
        Tenant tenant = fixtures.tenant();
        String username = Fixtures.unique("bpo");

        Api.Response created = api.post("/api/identity/platform/people", Map.of("username", username,
                "displayName", "Multi Tenant", "email", username + "@bpo.example", "locale", "cs",
                "initialPassword", "Platform-Pass-2026"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/identity/platform/people", Map.of("username", username, "displayName", "Dup",
                "initialPassword", "Platform-Pass-2026")).code()).isEqualTo("user.username-taken");

        Api.Response granted = api.put("/api/identity/platform/people/" + id + "/memberships/" + tenant.id(),
                Map.of("roles", List.of("supervisor"), "extraPermissions", List.of("recordings.download")));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        JsonNode membership = granted.json().get("memberships").get(0);
        assertThat(membership.get("slug").asString()).isEqualTo(tenant.slug());
        assertThat(membership.get("permissions").toString()).contains("recordings.download", "agents.monitor");

        JsonNode tokens = browser().signIn(username, "Platform-Pass-2026");
        assertThat(tokens.get("access_token").asString()).isNotBlank();

        assertThat(api.delete("/api/identity/platform/people/" + id + "/memberships/" + tenant.id()).status())
                .isEqualTo(204);
        assertThat(api.delete("/api/identity/platform/people/" + id + "/memberships/" + tenant.id()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/identity/platform/people/" + id).json().get("memberships").size()).isZero();
        assertThat(api.get("/api/identity/platform/people?query=" + username).json().get("total").asLong())
                .isEqualTo(1);
        assertThat(fixtures.query("select type from identity.audit_event where tenant_id = ? and type like"
                + " 'membership.%' order by occurred_at", tenant.id())).containsExactly("membership.created",
                        "membership.removed");

        Fixtures.User tenantAdmin = fixtures.user(tenant, Roles.TENANT_ADMIN);
        assertThat(api().as(tenantAdmin.token()).get("/api/identity/platform/people").status()).isEqualTo(403);
    }

    @Test
    void sharedProfilesAreOnlyEditedByThePlatform() {
        Tenant a = fixtures.tenant();
        Tenant b = fixtures.tenant();
        Fixtures.User adminA = fixtures.user(a, Roles.TENANT_ADMIN);
        Fixtures.User operator = fixtures.user(a, Roles.AGENT);
        fixtures.member(operator, b, Roles.AGENT);
        Api apiA = api().as(adminA.token()).tenant(a.id());

        Api.Response rename = apiA.put("/api/identity/users/" + operator.id(), Map.of("displayName", "Renamed",
                "email", operator.username() + "@example.com", "locale", "en", "roles", List.of("agent")));
        assertThat(rename.status()).isEqualTo(409);
        assertThat(rename.code()).isEqualTo("user.profile-shared");
        Api.Response promote = apiA.put("/api/identity/users/" + operator.id(), Map.of("displayName",
                "Name of " + operator.username(), "email", operator.username() + "@example.com", "locale", "en",
                "roles", List.of("supervisor")));
        assertThat(promote.status()).as(promote.toString()).isEqualTo(200);
        assertThat(promote.json().get("roles").toString()).contains("supervisor");

        Api.Response self = apiA.post("/api/identity/users/" + adminA.id() + "/disable", null);
        assertThat(self.code()).isEqualTo("user.cannot-change-self");
    }

    private String status(String token) throws Exception {
        return request(token).body();
    }

    private int statusCode(String token) throws Exception {
        return request(token).statusCode();
    }

    private HttpResponse<String> request(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/internal/tenants/status"));
        if (token != null) {
            request.header("X-Linea-Internal-Token", token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
