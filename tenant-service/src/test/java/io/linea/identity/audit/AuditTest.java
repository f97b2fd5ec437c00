package io.linea.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.linea.platform.testing.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.linea.identity.testing.Api;
import io.linea.identity.testing.Bodies;
import io.linea.identity.testing.Fixtures;
import io.linea.identity.testing.IdentityIntegrationTest;
import io.linea.identity.tenant.Tenant;
import io.linea.platform.security.Roles;

/** The audit log (SEC-03): every change leaves an entry, tenants see only theirs, nobody edits it. */
class AuditTest extends IdentityIntegrationTest {

    @Autowired
    AuditRetentionJob retention;

    @Test
    void tenantSwitchIsAudited() {
        Tenant a = fixtures.tenant();
        Tenant b = fixtures.tenant();
        Fixtures.User operator = fixtures.user(a, Roles.AGENT);
        fixtures.member(operator, b, Roles.AGENT);
        Api api = api().as(operator.token());

        assertThat(api.post("/api/identity/me/active-tenant", Map.of("tenantId", b.id())).status()).isEqualTo(204);
        assertThat(fixtures.query("select details->>'slug' from identity.audit_event where tenant_id = ?"
                + " and type = 'tenant.switched' and actor_id = ?", b.id(), operator.id())).containsExactly(b.slug());

        Api.Response notMember = api.post("/api/identity/me/active-tenant", Map.of("tenantId", UUID.randomUUID()));
        assertThat(notMember.status()).isEqualTo(403);
        assertThat(notMember.code()).isEqualTo("tenant.not-member");
    }

    @Test
    void actionsAreVisibleToTheirTenantsAdminOnly() {
        Tenant a = fixtures.tenant();
        Tenant b = fixtures.tenant();
        Fixtures.User adminA = fixtures.user(a, Roles.TENANT_ADMIN);
        Fixtures.User adminB = fixtures.user(b, Roles.TENANT_ADMIN);
        Api apiA = api().as(adminA.token()).tenant(a.id());
        String username = Fixtures.unique("audited");

        Api.Response created = apiA.post("/api/identity/users",
                Bodies.newUser(username, "Audit-Pass-2026"));
        assertThat(created.status()).isEqualTo(201);
        String userId = created.json().get("id").asString();
        assertThat(apiA.put("/api/identity/users/" + userId, Map.of("displayName", "Renamed", "email", "",
                "locale", "en", "roles", List.of("supervisor"), "extraPermissions", List.of())).status()).isEqualTo(200);
        assertThat(apiA.post("/api/identity/users/" + userId + "/disable", null).status()).isEqualTo(200);
        assertThat(apiA.post("/api/identity/users/" + userId + "/enable", null).status()).isEqualTo(200);
        Map<String, Object> policy = Bodies.policy(apiA.get("/api/identity/policy").json());
        policy.put("minLength", 14);
        assertThat(apiA.put("/api/identity/policy", policy).status()).isEqualTo(200);
        assertThat(apiA.delete("/api/identity/users/" + userId).status()).isEqualTo(204);

        Api.Response auditA = apiA.get("/api/identity/audit?size=200");
        assertThat(auditA.status()).isEqualTo(200);
        List<String> typesA = new ArrayList<>();
        auditA.json().get("items").forEach(e -> {
            assertThat(e.get("tenantId").asString()).isEqualTo(a.id().toString());
            if (adminA.id().toString().equals(e.get("actorId").asString())) {
                typesA.add(e.get("type").asString());
                assertThat(e.get("sourceIp").asString()).isEqualTo("127.0.0.1");
                assertThat(e.get("occurredAt").asString()).isNotBlank();
            }
        });
        assertThat(typesA).contains("user.created", "user.updated", "user.disabled", "user.enabled",
                "policy.updated", "membership.removed");
        JsonNode filtered = apiA.get("/api/identity/audit?type=policy.updated").json();
        assertThat(filtered.get("total").asLong()).isEqualTo(1);
        assertThat(filtered.get("items").get(0).get("details").get("changes").get("minLength").get("to").asString())
                .isEqualTo("14");

        Api.Response auditB = api().as(adminB.token()).tenant(b.id()).get("/api/identity/audit?size=200");
        assertThat(auditB.status()).isEqualTo(200);
        auditB.json().get("items").forEach(e -> {
            assertThat(e.get("tenantId").asString()).isEqualTo(b.id().toString());
            assertThat(e.toString()).doesNotContain(username);
        });
        Api.Response crossHeader = api().as(adminB.token()).tenant(a.id()).get("/api/identity/audit");
        assertThat(crossHeader.status()).isEqualTo(403);
        assertThat(crossHeader.code()).isEqualTo("tenant.not-member");
    }

    @Test
    void auditHasNoUpdateOrDeleteThroughTheApiOrTheDatabaseRole() throws SQLException {
        Tenant a = fixtures.tenant();
        Fixtures.User admin = fixtures.user(a, Roles.TENANT_ADMIN);
        Api api = api().as(admin.token()).tenant(a.id());
        Api.Response put = api.put("/api/identity/audit", Map.of("type", "forged"));
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.code()).isEqualTo("request.method-not-allowed");
        assertThat(api.delete("/api/identity/audit").status()).isEqualTo(405);
        assertThat(api.post("/api/identity/audit", Map.of("type", "forged")).status()).isEqualTo(405);
        Api platform = api().as(fixtures.platformAdmin().token());
        assertThat(platform.delete("/api/identity/platform/audit").status()).isEqualTo(405);

        long before = (long) fixtures.query("select count(*) from identity.audit_event where tenant_id = ?", a.id())
                .getFirst();
        assertThat(before).isPositive();
        for (String table : List.of("identity.audit_event", "identity.platform_audit_event")) {
            for (String statement : List.of("update " + table + " set type = 'forged'", "delete from " + table,
                    "truncate " + table)) {
                try (Connection app = Fixtures.appConnection(); Statement s = app.createStatement()) {
                    app.setAutoCommit(false);
                    s.execute("set local role " + EmbeddedDatabase.PLATFORM);
                    assertThatThrownBy(() -> s.execute(statement)).as(statement).isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied");
                    app.rollback();
                }
            }
        }
        assertThat(fixtures.query("select count(*) from identity.audit_event where tenant_id = ?", a.id()))
                .containsExactly(before);
    }

    @Test
    void retentionRemovesOnlyEntriesOlderThanTheTenantsRetentionAndNeverYoungerThan183Days() {
        Tenant shortKeep = fixtures.tenant();
        Tenant longKeep = fixtures.tenant();
        fixtures.policy(longKeep.id(), p -> Fixtures.with(p, Map.of("auditRetentionDays", 365)));
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID keptLonger = UUID.randomUUID();
        insertEntry(old, shortKeep.id(), 200);
        insertEntry(recent, shortKeep.id(), 150);
        insertEntry(keptLonger, longKeep.id(), 200);
        fixtures.sql("update identity.tenant_policy set audit_retention_days = 183 where tenant_id = ?", shortKeep.id());

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
        assertThat(fixtures.query("select count(*) from identity.audit_event where id = ?", old)).containsExactly(0L);
        assertThat(fixtures.query("select count(*) from identity.audit_event where id = ?", recent))
                .containsExactly(1L);
        assertThat(fixtures.query("select count(*) from identity.audit_event where id = ?", keptLonger))
                .containsExactly(1L);

        Fixtures.User admin = fixtures.user(shortKeep, Roles.TENANT_ADMIN);
        Api api = api().as(admin.token()).tenant(shortKeep.id());
        Map<String, Object> policy = Bodies.policy(api.get("/api/identity/policy").json());
        policy.put("auditRetentionDays", 90);
        Api.Response tooShort = api.put("/api/identity/policy", policy);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("errors").get(0).get("field").asString()).isEqualTo("auditRetentionDays");
    }

    private void insertEntry(UUID id, UUID tenant, int daysAgo) {
        fixtures.sql("insert into identity.audit_event (id, tenant_id, occurred_at, type, outcome)"
                + " values (?, ?, now() - make_interval(days => ?), 'test.old', 'SUCCESS')", id, tenant, daysAgo);
    }
}
