package io.linea.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linea.identity.testing.Api;
import io.linea.identity.testing.Bodies;
import io.linea.identity.testing.Fixtures;
import io.linea.identity.testing.IdentityIntegrationTest;
import io.linea.identity.tenant.Tenant;
import io.linea.platform.security.Roles;

/** Hostile and broken input: 4xx problem details with a code, and nothing changed. */
class BadInputTest extends IdentityIntegrationTest {

    @Test
    void brokenPolicyUpdatesAreRefusedWithoutChangingAnything() {
        Tenant tenant = fixtures.tenant();
        Fixtures.User admin = fixtures.user(tenant, Roles.TENANT_ADMIN);
        Api api = api().as(admin.token()).tenant(tenant.id());
        String before = api.get("/api/identity/policy").body();

        Api.Response malformed = api.put("/api/identity/policy", "{\"minLength\": 12,");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("request.malformed-json");
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        Map<String, Object> valid = Bodies.policy(Api.JSON.readTree(before));
        Map<String, Object> unknown = new java.util.LinkedHashMap<>(valid);
        unknown.put("isAdmin", true);
        Api.Response unknownField = api.put("/api/identity/policy", unknown);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.code()).isEqualTo("request.unknown-field");

        Map<String, Object> badEnum = new java.util.LinkedHashMap<>(valid);
        badEnum.put("mfaMode", "SOMETIMES");
        Api.Response invalidEnum = api.put("/api/identity/policy", badEnum);
        assertThat(invalidEnum.status()).isEqualTo(400);
        assertThat(invalidEnum.code()).isEqualTo("request.invalid-enum");
        assertThat(invalidEnum.json().get("detail").asString()).contains("OFF, ADMINS, ALL");

        Map<String, Object> badNetwork = new java.util.LinkedHashMap<>(valid);
        badNetwork.put("trustedNetworks", List.of("10.0.0.0/8", "not-a-network", "300.1.1.1/24"));
        Api.Response network = api.put("/api/identity/policy", badNetwork);
        assertThat(network.status()).isEqualTo(400);
        assertThat(network.json().get("errors").size()).isEqualTo(2);

        Map<String, Object> tooWeak = new java.util.LinkedHashMap<>(valid);
        tooWeak.put("minLength", 4);
        tooWeak.put("lockoutThreshold", 0);
        Api.Response weak = api.put("/api/identity/policy", tooWeak);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("validation.failed");

        String huge = "{\"minLength\": 12, \"padding\": \"" + "x".repeat(1_100_000) + "\"}";
        Api.Response oversized = api.put("/api/identity/policy", huge);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.code()).isEqualTo("request.too-large");

        Api.Response unsupported = api.send("PUT", "/api/identity/policy", null);
        assertThat(unsupported.status()).isBetween(400, 415);

        assertThat(api.get("/api/identity/policy").body()).isEqualTo(before);
        assertThat(fixtures.query("select count(*) from identity.audit_event where tenant_id = ?"
                + " and type = 'policy.updated'", tenant.id())).containsExactly(0L);
    }

    @Test
    void injectionStringsAreStoredLiterallyOrRefused() {
        Tenant tenant = fixtures.tenant();
        Fixtures.User admin = fixtures.user(tenant, Roles.TENANT_ADMIN);
        Api api = api().as(admin.token()).tenant(tenant.id());

        String evilName = "Robert'); DROP TABLE identity.person; -- <script>alert(1)</script>";
        Map<String, Object> body = Bodies.newUser(Fixtures.unique("bobby"), "Literal-Pass-2026");
        body.put("displayName", evilName);
        Api.Response created = api.post("/api/identity/users", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("displayName").asString()).isEqualTo(evilName);
        String id = created.json().get("id").asString();
        assertThat(api.get("/api/identity/users/" + id).json().get("displayName").asString()).isEqualTo(evilName);
        assertThat(fixtures.query("select count(*) from information_schema.tables where table_schema = 'identity'"
                + " and table_name = 'person'")).containsExactly(1L);

        Api.Response search = api.get("/api/identity/users?query=" + java.net.URLEncoder.encode("%' or '1'='1",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().get("total").asLong()).isZero();

        Map<String, Object> evilUsername = Bodies.newUser("x'; delete from identity.person; --",
                "Literal-Pass-2026");
        evilUsername.put("email", "valid@example.com");
        Api.Response refused = api.post("/api/identity/users", evilUsername);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation.failed");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("username");

        Map<String, Object> badRole = Bodies.newUser(Fixtures.unique("role"), "Literal-Pass-2026");
        badRole.put("roles", List.of("platform-admin"));
        badRole.put("extraPermissions", List.of("policy.manage"));
        Api.Response roles = api.post("/api/identity/users", badRole);
        assertThat(roles.status()).isEqualTo(400);
        assertThat(roles.json().get("errors").get(0).get("code").asString()).isEqualTo("user.unknown-role");

        Api.Response badId = api.get("/api/identity/users/not-a-uuid");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.code()).isEqualTo("request.invalid-parameter");
        Api.Response badTenant = api().as(admin.token()).send("GET", "/api/identity/users", null);
        assertThat(badTenant.status()).isEqualTo(400);
        assertThat(badTenant.code()).isEqualTo("tenant.required");
    }

    @Test
    void callsWithoutAValidTokenGet401AndWrongPermissions403() {
        Tenant tenant = fixtures.tenant();
        Fixtures.User agent = fixtures.user(tenant, Roles.AGENT);
        Api.Response anonymous = api().get("/api/identity/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("auth.required");
        assertThat(api().as("not.a.jwt").get("/api/identity/me").status()).isEqualTo(401);
        Api.Response denied = api().as(agent.token()).tenant(tenant.id()).get("/api/identity/users");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("permission.denied");
        Api.Response notPlatform = api().as(agent.token()).get("/api/identity/platform/tenants");
        assertThat(notPlatform.status()).isEqualTo(403);
    }
}
