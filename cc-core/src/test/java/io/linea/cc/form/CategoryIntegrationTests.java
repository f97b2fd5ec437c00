package io.linea.cc.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.platform.security.Roles;
import io.linea.platform.testing.EmbeddedDatabase;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.testing.TestTokens;

/**
 * Categories (dispositions) of interactions (AGT-05): defined by supervisors, set by agents during or after
 * the contact, every change audited with who, when, before and after, and counted per period for reports
 * (RPT-07); another tenant's categories are never accepted (TEN-01).
 */
@LineaIntegrationTest
class CategoryIntegrationTests {

    @LocalServerPort
    int port;

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static List<String> errorFields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString() + "=" + e.path("code").asString()));
        return fields;
    }

    private static UUID category(Api api, String name, UUID parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (parent != null) {
            body.put("parentId", parent.toString());
        }
        return created(api.post("/api/cc/categories", body)).id();
    }

    private static Api.Response set(Api api, UUID interaction, String note, UUID... categories) {
        Map<String, Object> body = new HashMap<>();
        body.put("categoryIds", java.util.Arrays.stream(categories).map(UUID::toString).toList());
        if (note != null) {
            body.put("note", note);
        }
        return api.put("/api/cc/interactions/" + interaction + "/categories", body);
    }

    private static List<String> names(JsonNode named) {
        return named.valueStream().map(n -> n.path("name").asString()).toList();
    }

    @Test
    void categoriesAreDefinedChangedAndDeleted() {
        Api admin = Api.adminOfNewTenant(port);
        Api supervisor = admin.withToken(TestTokens.person().member(admin.tenant(), Roles.SUPERVISOR).token());
        Api agent = admin.withToken(TestTokens.person().member(admin.tenant(), Roles.AGENT).token());

        // AGT-05: supervisors define the categories (they hold agents.monitor, not crm.configure); agents use them
        Api.Response billing = created(supervisor.post("/api/cc/categories", Map.of("name", " Billing ", "position", 2)));
        JsonNode view = billing.json();
        assertThat(view.propertyNames()).containsExactlyInAnyOrder("id", "name", "parentId", "active", "position",
                "version");
        assertThat(view.path("name").asString()).isEqualTo("Billing");
        assertThat(view.path("active").asBoolean()).isTrue();
        assertThat(view.path("parentId").isNull()).isTrue();
        UUID complaint = category(admin, "Complaint", null);
        UUID refund = category(admin, "Refund", billing.id());
        assertThat(agent.post("/api/cc/categories", Map.of("name", "Mine")).code()).isEqualTo("permission.denied");
        assertThat(agent.put("/api/cc/categories/" + complaint, Map.of("name", "Mine", "version", 0)).code())
                .isEqualTo("permission.denied");
        assertThat(agent.delete("/api/cc/categories/" + complaint).code()).isEqualTo("permission.denied");
        assertThat(ok(agent.get("/api/cc/categories")).json().valueStream().map(c -> c.path("name").asString()))
                .containsExactly("Complaint", "Refund", "Billing");
        assertThat(ok(agent.get("/api/cc/categories/" + refund)).json().path("parentId").asString())
                .isEqualTo(billing.id().toString());

        JsonNode renamed = ok(supervisor.put("/api/cc/categories/" + complaint, Map.of("name", "Complaints",
                "active", false, "position", 5, "version", 0))).json();
        assertThat(renamed.path("version").asLong()).isEqualTo(1);
        assertThat(renamed.path("active").asBoolean()).isFalse();
        assertThat(supervisor.put("/api/cc/categories/" + complaint, Map.of("name", "Again", "version", 0)).code())
                .isEqualTo("resource.stale");
        assertThat(ok(agent.get("/api/cc/categories?active=true")).json().valueStream()
                .map(c -> c.path("name").asString())).containsExactly("Refund", "Billing");

        // names are unique under one parent; the tree has no cycles and no missing parents
        Api.Response taken = admin.inLanguage("pl").post("/api/cc/categories", Map.of("name", "Billing"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("category.name-taken");
        assertThat(taken.json().path("detail").asString()).isEqualTo("Kategoria o tej nazwie już tu istnieje.");
        category(admin, "Billing", complaint);
        assertThat(errorFields(admin.put("/api/cc/categories/" + billing.id(), Map.of("name", "Billing",
                "parentId", refund.toString(), "version", 0)))).containsExactly("parentId=category.cycle");
        assertThat(errorFields(admin.post("/api/cc/categories", Map.of("name", "Orphan", "parentId",
                UUID.randomUUID().toString())))).containsExactly("parentId=category.missing");
        assertThat(errorFields(admin.post("/api/cc/categories", Map.of("name", " ")))).containsExactly(
                "name=validation.not-blank");
        assertThat(errorFields(admin.post("/api/cc/categories", Map.of("name", "Far", "position", -1))))
                .containsExactly("position=validation.min");

        Api.Response parent = admin.delete("/api/cc/categories/" + billing.id());
        assertThat(parent.status()).isEqualTo(409);
        assertThat(parent.code()).isEqualTo("category.has-children");
        assertThat(admin.delete("/api/cc/categories/" + refund).status()).isEqualTo(204);
        assertThat(admin.get("/api/cc/categories/" + refund).code()).isEqualTo("resource.not-found");
        assertThat(admin.delete("/api/cc/categories/" + billing.id()).status()).isEqualTo(204);
    }

    @Test
    void categoriesAreSetAndChangedAfterTheCallWithEveryChangeAudited() {
        Api admin = Api.adminOfNewTenant(port);
        TestTokens.Person agentPerson = TestTokens.person().member(admin.tenant(), Roles.AGENT);
        TestTokens.Person supervisorPerson = TestTokens.person().member(admin.tenant(), Roles.SUPERVISOR);
        Api agent = admin.withToken(agentPerson.token());
        Api supervisor = admin.withToken(supervisorPerson.token());
        UUID billing = category(admin, "Billing", null);
        UUID complaint = category(admin, "Complaint", null);
        UUID retired = category(admin, "Retired", null);
        // an answered call that has ended (Fixtures: state ENDED)
        UUID call = Fixtures.interaction(admin);
        String path = "/api/cc/interactions/" + call + "/categories";
        JsonNode empty = ok(agent.get(path)).json();
        assertThat(empty.propertyNames()).containsExactlyInAnyOrder("interactionId", "categories", "history");
        assertThat(empty.path("categories")).isEmpty();
        assertThat(empty.path("history")).isEmpty();

        Instant start = Instant.now().minusSeconds(1);
        JsonNode first = ok(set(agent, call, null, billing, billing)).json();
        assertThat(names(first.path("categories"))).containsExactly("Billing");
        assertThat(first.path("history")).hasSize(1);
        JsonNode change = first.path("history").get(0);
        assertThat(change.propertyNames()).containsExactlyInAnyOrder("at", "changedBy", "changedByName", "before",
                "after", "note");
        assertThat(change.path("changedBy").asString()).isEqualTo(agentPerson.id().toString());
        assertThat(change.path("changedByName").asString()).isNotBlank();
        assertThat(Instant.parse(change.path("at").asString())).isAfter(start).isBefore(Instant.now().plusSeconds(1));
        assertThat(change.path("before")).isEmpty();
        assertThat(names(change.path("after"))).containsExactly("Billing");
        assertThat(change.path("after").get(0).path("id").asString()).isEqualTo(billing.toString());
        assertThat(change.path("note").isNull()).isTrue();

        // the supervisor reclassifies it later, with a reason
        JsonNode second = ok(set(supervisor, call, "Caller disputed the invoice", complaint, billing)).json();
        assertThat(names(second.path("categories"))).containsExactly("Billing", "Complaint");
        JsonNode audit = second.path("history").get(1);
        assertThat(audit.path("changedBy").asString()).isEqualTo(supervisorPerson.id().toString());
        assertThat(names(audit.path("before"))).containsExactly("Billing");
        assertThat(names(audit.path("after"))).containsExactly("Complaint", "Billing");
        assertThat(audit.path("note").asString()).isEqualTo("Caller disputed the invoice");
        // the same categories again without a note change nothing
        assertThat(ok(set(agent, call, " ", billing, complaint)).json().path("history")).hasSize(2);

        // the interaction's own event log tells the same story (append-only: DESIGN)
        List<JsonNode> events = ok(admin.get("/api/cc/interactions/" + call)).json().path("events").valueStream()
                .filter(e -> e.path("type").asString().equals("CATEGORIZED")).toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).path("detail").asString()).isEqualTo("Billing → Complaint, Billing");
        assertThat(events.get(0).path("detail").asString()).isEqualTo("– → Billing");

        // a category in use is deactivated, not deleted; it may stay on the call but is not added again
        Api.Response inUse = admin.delete("/api/cc/categories/" + complaint);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.code()).isEqualTo("category.in-use");
        ok(admin.put("/api/cc/categories/" + complaint, Map.of("name", "Complaint (old)", "active", false,
                "version", 0)));
        ok(admin.put("/api/cc/categories/" + retired, Map.of("name", "Retired", "active", false, "version", 0)));
        JsonNode kept = ok(set(agent, call, null, complaint)).json();
        assertThat(names(kept.path("categories"))).containsExactly("Complaint (old)");
        Api.Response inactive = set(agent.inLanguage("ru"), call, null, complaint, retired);
        assertThat(errorFields(inactive)).containsExactly("categoryIds[1]=category.inactive");
        assertThat(inactive.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Категория Retired больше не используется.");

        // cleared; the history keeps the names the categories had at the time
        JsonNode cleared = ok(set(agent, call, null)).json();
        assertThat(cleared.path("categories")).isEmpty();
        assertThat(cleared.path("history")).hasSize(4);
        assertThat(names(cleared.path("history").get(1).path("after"))).containsExactly("Complaint", "Billing");
        assertThat(names(cleared.path("history").get(3).path("before"))).containsExactly("Complaint (old)");
        assertThat(cleared.path("history").get(3).path("after")).isEmpty();
        assertThat(admin.delete("/api/cc/categories/" + complaint).status()).isEqualTo(204);
        assertThat(ok(agent.get(path)).json()).isEqualTo(cleared);

        // setting needs clients.manage; bad bodies are problems
        Api viewer = admin.withToken(TestTokens.person().member(admin.tenant(), java.util.Set.of("clients.view")).token());
        assertThat(ok(viewer.get(path)).json()).isEqualTo(cleared);
        assertThat(set(viewer, call, null, billing).code()).isEqualTo("permission.denied");
        assertThat(errorFields(agent.put(path, Map.of()))).containsExactly("categoryIds=validation.not-null");
        assertThat(agent.put(path, Map.of("categoryIds", List.of("not-a-uuid"))).code()).isEqualTo("request.invalid-value");
        assertThat(errorFields(agent.put(path, Map.of("categoryIds", List.of(), "note", "x".repeat(2001)))))
                .containsExactly("note=validation.size");
        assertThat(errorFields(set(agent, call, null, UUID.randomUUID()))).containsExactly(
                "categoryIds[0]=category.missing");
        Api.Response unknownCall = set(agent, UUID.randomUUID(), null, billing);
        assertThat(unknownCall.status()).isEqualTo(404);
        assertThat(unknownCall.code()).isEqualTo("resource.not-found");
    }

    @Test
    void countsPerCategoryInAPeriod() throws SQLException {
        Api admin = Api.adminOfNewTenant(port);
        UUID billing = category(admin, "Billing", null);
        UUID complaint = category(admin, "Complaint", null);
        UUID unused = category(admin, "Unused", null);
        Instant day = Instant.parse("2026-03-02T00:00:00Z");
        UUID early = call(admin.tenant(), day.plus(1, ChronoUnit.HOURS));
        UUID noon = call(admin.tenant(), day.plus(12, ChronoUnit.HOURS));
        UUID late = call(admin.tenant(), day.plus(23, ChronoUnit.HOURS));
        call(admin.tenant(), day.plus(20, ChronoUnit.HOURS));
        UUID nextDay = call(admin.tenant(), day.plus(25, ChronoUnit.HOURS));
        ok(set(admin, early, null, billing));
        ok(set(admin, noon, null, billing, complaint));
        ok(set(admin, late, null, complaint));
        ok(set(admin, nextDay, null, billing));
        // a change after the contact counts as the category the call carries now
        ok(set(admin, late, null, billing));

        JsonNode counts = ok(admin.get("/api/cc/categories/counts?from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS)))
                .json();
        assertThat(counts.path("from").asString()).isEqualTo("2026-03-02T00:00:00Z");
        assertThat(counts.path("to").asString()).isEqualTo("2026-03-03T00:00:00Z");
        assertThat(counts.path("interactions").asLong()).isEqualTo(4);
        assertThat(counts.path("uncategorized").asLong()).isEqualTo(1);
        Map<String, Long> byName = new LinkedHashMap<>();
        counts.path("categories").forEach(c -> byName.put(c.path("name").asString(), c.path("interactions").asLong()));
        assertThat(byName).containsExactly(Map.entry("Billing", 3L), Map.entry("Complaint", 1L), Map.entry("Unused", 0L));
        assertThat(counts.path("categories").get(0).path("categoryId").asString()).isEqualTo(billing.toString());
        assertThat(counts.path("categories").get(2).path("categoryId").asString()).isEqualTo(unused.toString());

        // the default period is the last 30 days; bad periods are field problems
        JsonNode recent = ok(admin.get("/api/cc/categories/counts")).json();
        assertThat(recent.path("interactions").asLong()).isZero();
        assertThat(recent.path("categories")).hasSize(3);
        assertThat(errorFields(admin.get("/api/cc/categories/counts?from=" + day + "&to=" + day)))
                .containsExactly("from=category.period-invalid");
        assertThat(errorFields(admin.get("/api/cc/categories/counts?from=2025-01-01T00:00:00Z&to=" + day)))
                .containsExactly("to=category.period-too-long");
        assertThat(admin.get("/api/cc/categories/counts?from=yesterday").code()).isEqualTo("request.invalid-parameter");
        // RPT-07: a report; supervisors read it, agents do not
        Api supervisor = admin.withToken(TestTokens.person().member(admin.tenant(), Roles.SUPERVISOR).token());
        Api agent = admin.withToken(TestTokens.person().member(admin.tenant(), Roles.AGENT).token());
        assertThat(ok(supervisor.get("/api/cc/categories/counts?from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS)))
                .json()).isEqualTo(counts);
        assertThat(agent.get("/api/cc/categories/counts").code()).isEqualTo("permission.denied");
        // another tenant counts its own calls only
        Api other = Api.adminOfNewTenant(port);
        JsonNode theirs = ok(other.get("/api/cc/categories/counts?from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS)))
                .json();
        assertThat(theirs.path("interactions").asLong()).isZero();
        assertThat(theirs.path("categories")).isEmpty();
    }

    @Test
    void aCategoryOfAnotherTenantCannotBeSet() throws SQLException {
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        UUID mine = category(a, "Billing", null);
        UUID theirs = category(b, "Billing", null);
        UUID call = Fixtures.interaction(a);
        Api.Response refused = set(a, call, null, mine, theirs);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(errorFields(refused)).containsExactly("categoryIds[1]=category.missing");
        assertThat(refused.raw()).doesNotContain(b.tenant().toString());
        // nor can B set its own category on A's call, or read A's
        Api.Response foreign = set(b, call, null, theirs);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("resource.not-found");
        assertThat(b.get("/api/cc/interactions/" + call + "/categories").status()).isEqualTo(404);
        assertThat(b.get("/api/cc/categories/" + mine).status()).isEqualTo(404);
        // B's category cannot become a parent of A's either
        assertThat(errorFields(a.post("/api/cc/categories", Map.of("name", "Child", "parentId", theirs.toString()))))
                .containsExactly("parentId=category.missing");
        JsonNode untouched = ok(a.get("/api/cc/interactions/" + call + "/categories")).json();
        assertThat(untouched.path("categories")).isEmpty();
        assertThat(untouched.path("history")).isEmpty();
        assertThat(auditRows(a.tenant()) + auditRows(b.tenant())).isZero();
    }

    /** An ended inbound call of the tenant that started at {@code startedAt}, stored as the application role. */
    private static UUID call(UUID tenant, Instant startedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection app = DriverManager.getConnection(EmbeddedDatabase.shared().jdbcUrl(), EmbeddedDatabase.APP,
                EmbeddedDatabase.APP)) {
            app.setAutoCommit(false);
            try (PreparedStatement scope = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, tenant.toString());
                scope.execute();
            }
            try (PreparedStatement insert = app.prepareStatement("""
                    insert into cc.interaction (id, tenant_id, direction, state, tenant_number, remote_number,
                        started_at, answered_at, ended_at, talk_ms, end_reason)
                    values (?, ?, 'INBOUND', 'ENDED', '+18005550100', '+447700900002', ?, ?, ?, 60000, 'CALLER_HANGUP')""")) {
                insert.setObject(1, id);
                insert.setObject(2, tenant);
                insert.setTimestamp(3, Timestamp.from(startedAt));
                insert.setTimestamp(4, Timestamp.from(startedAt.plusSeconds(5)));
                insert.setTimestamp(5, Timestamp.from(startedAt.plusSeconds(65)));
                insert.executeUpdate();
            }
            app.commit();
        }
        return id;
    }

    private static long auditRows(UUID tenant) throws SQLException {
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement count = admin.prepareStatement(
                        "select count(*) from cc.interaction_category_change where tenant_id = ?")) {
            count.setObject(1, tenant);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
