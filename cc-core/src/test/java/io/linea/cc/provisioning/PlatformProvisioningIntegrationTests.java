package io.linea.cc.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.platform.problem.ProblemMessages;
import io.linea.platform.testing.EmbeddedDatabase;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.testing.TestTokens;
import io.linea.platform.web.PermissionInterceptor;

/** The platform admin's carriers and number inventory, and assigning numbers to tenants (TEL-02, TEN-02). */
@LineaIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PlatformProvisioningIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Api platform() {
        return Api.platformAdmin(port);
    }

    private UUID carrier() {
        Api.Response created = platform().post("/api/cc/platform/carriers", Fixtures.carrier(Fixtures.unique("Carrier")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    @Test
    void carrierRoundTripNeverShowsThePassword(CapturedOutput output) throws SQLException {
        String name = Fixtures.unique("Trunk");
        Map<String, Object> body = new HashMap<>(Fixtures.carrier(name));
        body.put("host", "SIP.Carrier.example");
        body.put("transport", "TLS");
        body.put("password", "s3cret-trunk-password");
        body.put("codecs", List.of("opus", "ALAW", "alaw"));
        body.put("matchCidrs", List.of("198.51.100.7", "203.0.113.0/24"));
        Api.Response created = platform().post("/api/cc/platform/carriers", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode carrier = created.json();
        UUID id = created.id();
        assertThat(carrier.propertyNames()).containsExactlyInAnyOrder("id", "name", "host", "port", "transport",
                "username", "hasPassword", "codecs", "matchCidrs", "enabled", "version", "numberCount");
        assertThat(carrier.path("host").asString()).isEqualTo("sip.carrier.example");
        assertThat(carrier.path("transport").asString()).isEqualTo("tls");
        assertThat(carrier.path("hasPassword").asBoolean()).isTrue();
        assertThat(carrier.path("codecs")).extracting(JsonNode::asString).containsExactly("opus", "alaw");
        assertThat(carrier.path("matchCidrs")).extracting(JsonNode::asString)
                .containsExactly("198.51.100.7/32", "203.0.113.0/24");
        assertThat(carrier.path("version").asLong()).isZero();
        assertThat(carrier.path("numberCount").asLong()).isZero();
        assertThat(storedPassword(id)).isEqualTo("s3cret-trunk-password");

        // absent password: keep the stored one
        body.remove("password");
        body.put("version", 0);
        body.put("port", 5061);
        Api.Response kept = platform().put("/api/cc/platform/carriers/" + id, body);
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.json().path("hasPassword").asBoolean()).isTrue();
        assertThat(kept.json().path("port").asInt()).isEqualTo(5061);
        assertThat(kept.json().path("version").asLong()).isEqualTo(1);
        assertThat(storedPassword(id)).isEqualTo("s3cret-trunk-password");

        body.put("password", "an0ther-trunk-password");
        body.put("version", 1);
        assertThat(platform().put("/api/cc/platform/carriers/" + id, body).status()).isEqualTo(200);
        assertThat(storedPassword(id)).isEqualTo("an0ther-trunk-password");

        body.put("password", "");
        body.put("version", 2);
        Api.Response removed = platform().put("/api/cc/platform/carriers/" + id, body);
        assertThat(removed.json().path("hasPassword").asBoolean()).isFalse();
        assertThat(storedPassword(id)).isNull();

        String list = platform().get("/api/cc/platform/carriers?size=200").raw();
        String single = platform().get("/api/cc/platform/carriers/" + id).raw();
        for (String raw : List.of(created.raw(), kept.raw(), list, single)) {
            assertThat(raw).doesNotContain("s3cret-trunk-password").doesNotContain("an0ther-trunk-password")
                    .doesNotContain("\"password\"");
        }
        assertThat(output.getAll()).contains("Carrier " + id).doesNotContain("s3cret-trunk-password")
                .doesNotContain("an0ther-trunk-password");
    }

    @Test
    void invalidCarrierFieldsAreAllReported() {
        Map<String, Object> body = new HashMap<>(Fixtures.carrier(Fixtures.unique("Bad")));
        body.put("host", "not a host!");
        body.put("transport", "sctp");
        body.put("codecs", List.of("alaw", "g729"));
        body.put("matchCidrs", List.of("10.0.0.0/33"));
        Api.Response response = platform().inLanguage("pl").post("/api/cc/platform/carriers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation.failed");
        assertThat(response.json().path("errors")).extracting(e -> e.path("field").asString() + " " + e.path("code").asString())
                .containsExactlyInAnyOrder("host carrier.host-invalid", "transport carrier.transport-unsupported",
                        "codecs[1] carrier.codec-unsupported", "matchCidrs[0] carrier.cidr-invalid");
        assertThat(response.json().path("errors")).extracting(e -> e.path("message").asString())
                .contains("Nieobsługiwany kodek: g729. Dozwolone: alaw, ulaw, g722, opus.");

        body = new HashMap<>(Fixtures.carrier(Fixtures.unique("Port")));
        body.put("port", 70000);
        Api.Response port = platform().post("/api/cc/platform/carriers", body);
        assertThat(port.json().path("errors").get(0).path("field").asString()).isEqualTo("port");
        assertThat(port.json().path("errors").get(0).path("code").asString()).isEqualTo("validation.max");

        body.put("port", 5060);
        body.put("codecs", List.of());
        assertThat(platform().post("/api/cc/platform/carriers", body).json().path("errors").get(0).path("field")
                .asString()).isEqualTo("codecs");
    }

    @Test
    void carrierNamesAreUniqueAndACarrierInUseCannotBeDeleted() {
        String name = Fixtures.unique("Unique");
        UUID carrier = platform().post("/api/cc/platform/carriers", Fixtures.carrier(name)).id();
        Api.Response duplicate = platform().inLanguage("ro").post("/api/cc/platform/carriers", Fixtures.carrier(name));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("carrier.name-taken");
        assertThat(duplicate.json().path("detail").asString()).isEqualTo("Există deja un operator cu acest nume.");

        UUID number = platform().post("/api/cc/platform/numbers", Fixtures.number(Fixtures.e164(), carrier, null)).id();
        assertThat(platform().get("/api/cc/platform/carriers/" + carrier).json().path("numberCount").asLong())
                .isEqualTo(1);
        for (Locale locale : ProblemMessages.SUPPORTED) {
            Api.Response inUse = platform().inLanguage(locale.getLanguage()).delete("/api/cc/platform/carriers/" + carrier);
            assertThat(inUse.status()).isEqualTo(409);
            assertThat(inUse.code()).isEqualTo("carrier.in-use");
            assertThat(inUse.json().path("detail").asString()).as(locale.toString())
                    .isEqualTo(new ProblemMessages().message("carrier.in-use", new Object[0], locale));
        }
        assertThat(platform().delete("/api/cc/platform/numbers/" + number).status()).isEqualTo(204);
        assertThat(platform().delete("/api/cc/platform/carriers/" + carrier).status()).isEqualTo(204);
        assertThat(platform().get("/api/cc/platform/carriers/" + carrier).code()).isEqualTo("resource.not-found");
    }

    @Test
    void staleCarrierVersionIsAConflict() {
        UUID carrier = carrier();
        Map<String, Object> change = new HashMap<>(Fixtures.carrier(Fixtures.unique("Changed")));
        change.put("version", 0);
        assertThat(platform().put("/api/cc/platform/carriers/" + carrier, change).status()).isEqualTo(200);
        Api.Response stale = platform().put("/api/cc/platform/carriers/" + carrier, change);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("resource.stale");
        change.remove("version");
        assertThat(platform().put("/api/cc/platform/carriers/" + carrier, change).json().path("errors").get(0)
                .path("field").asString()).isEqualTo("version");
    }

    @Test
    void numbersAreNormalisedUniqueAndValidated() {
        UUID carrier = carrier();
        String e164 = Fixtures.e164();
        String typed = e164.substring(0, 3) + " (" + e164.substring(3, 5) + ") " + e164.substring(5, 9) + "-"
                + e164.substring(9);
        Api.Response created = platform().post("/api/cc/platform/numbers", Fixtures.number(typed, carrier, null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode number = created.json();
        assertThat(number.propertyNames()).containsExactlyInAnyOrder("id", "e164", "type", "carrierId",
                "carrierName", "tenantId", "version");
        assertThat(number.path("e164").asString()).isEqualTo(e164);
        assertThat(number.path("tenantId").isNull()).isTrue();
        assertThat(number.path("carrierId").asString()).isEqualTo(carrier.toString());
        assertThat(number.path("carrierName").asString()).startsWith("Carrier ");

        Api.Response duplicate = platform().post("/api/cc/platform/numbers", Fixtures.number(e164, carrier, null));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("number.duplicate");

        Api.Response invalid = platform().inLanguage("uk").post("/api/cc/platform/numbers",
                Fixtures.number("0770 0900", carrier, null));
        assertThat(invalid.status()).isEqualTo(400);
        JsonNode error = invalid.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("e164");
        assertThat(error.path("code").asString()).isEqualTo("number.invalid");
        assertThat(error.path("message").asString())
                .isEqualTo("Це не міжнародний номер телефону (E.164, наприклад +447700900123): 0770 0900.");

        Api.Response noCarrier = platform().post("/api/cc/platform/numbers",
                Fixtures.number(Fixtures.e164(), UUID.randomUUID(), null));
        assertThat(noCarrier.status()).isEqualTo(404);
        assertThat(noCarrier.code()).isEqualTo("resource.not-found");

        Map<String, Object> badType = new HashMap<>(Fixtures.number(Fixtures.e164(), carrier, null));
        badType.put("type", "PREMIUM");
        assertThat(platform().post("/api/cc/platform/numbers", badType).code()).isEqualTo("request.invalid-enum");
    }

    @Test
    void numbersCanBeSearchedAndFilteredByTenant() {
        UUID carrier = carrier();
        Api tenant = Api.adminOfNewTenant(port);
        String mine = Fixtures.e164();
        String other = Fixtures.e164();
        UUID assigned = platform().post("/api/cc/platform/numbers", Fixtures.number(mine, carrier, tenant.tenant())).id();
        platform().post("/api/cc/platform/numbers", Fixtures.number(other, carrier, null));

        JsonNode byTenant = platform().get("/api/cc/platform/numbers?tenantId=" + tenant.tenant()).json();
        assertThat(byTenant.path("total").asLong()).isEqualTo(1);
        assertThat(byTenant.path("items").get(0).path("id").asString()).isEqualTo(assigned.toString());
        assertThat(byTenant.path("items").get(0).path("tenantId").asString()).isEqualTo(tenant.tenant().toString());

        String digits = other.substring(5);
        JsonNode byDigits = platform().get("/api/cc/platform/numbers?q=" + digits.substring(0, 4) + "%20"
                + digits.substring(4)).json();
        assertThat(byDigits.path("items")).extracting(n -> n.path("e164").asString()).containsExactly(other);
        assertThat(platform().get("/api/cc/platform/numbers?q=%25").json().path("total").asLong()).isZero();
        JsonNode paged = platform().get("/api/cc/platform/numbers?size=1&page=0").json();
        assertThat(paged.path("items")).hasSize(1);
        assertThat(paged.path("total").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void assigningMovingAndUnassigningANumberMaintainsTheTenantCopy() throws SQLException {
        UUID carrier = carrier();
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        String e164 = Fixtures.e164();
        UUID id = platform().post("/api/cc/platform/numbers", Fixtures.number(e164, carrier, null)).id();
        assertThat(tenantCopies(id)).isEmpty();
        assertThat(a.get("/api/cc/numbers").json().path("total").asLong()).isZero();

        Api.Response assigned = platform().put("/api/cc/platform/numbers/" + id,
                withVersion(Fixtures.number(e164, carrier, a.tenant()), 0));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().path("tenantId").asString()).isEqualTo(a.tenant().toString());
        assertThat(tenantCopies(id)).containsExactly(a.tenant());
        JsonNode ofA = a.get("/api/cc/numbers/" + id).json();
        assertThat(ofA.propertyNames()).containsExactlyInAnyOrder("id", "e164", "type", "target", "greeting",
                "queueId", "priority", "version");
        assertThat(ofA.path("e164").asString()).isEqualTo(e164);
        assertThat(ofA.path("target").asString()).isEqualTo("AGENTS");
        assertThat(ofA.path("greeting").isNull()).isTrue();
        assertThat(b.get("/api/cc/numbers/" + id).status()).isEqualTo(404);

        Api.Response greeted = a.put("/api/cc/numbers/" + id, Map.of("target", "AGENTS", "greeting",
                "Welcome to A", "version", 0));
        assertThat(greeted.status()).as(greeted.toString()).isEqualTo(200);
        assertThat(greeted.json().path("greeting").asString()).isEqualTo("Welcome to A");

        // renumbering an assigned number changes the tenant copy too
        String renumbered = Fixtures.e164();
        assertThat(platform().put("/api/cc/platform/numbers/" + id,
                withVersion(Fixtures.number(renumbered, carrier, a.tenant()), 1)).status()).isEqualTo(200);
        assertThat(a.get("/api/cc/numbers/" + id).json().path("e164").asString()).isEqualTo(renumbered);
        assertThat(a.get("/api/cc/numbers/" + id).json().path("greeting").asString()).isEqualTo("Welcome to A");

        Api.Response moved = platform().put("/api/cc/platform/numbers/" + id,
                withVersion(Fixtures.number(renumbered, carrier, b.tenant()), 2));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(tenantCopies(id)).containsExactly(b.tenant());
        assertThat(a.get("/api/cc/numbers/" + id).status()).isEqualTo(404);
        assertThat(a.get("/api/cc/numbers").json().path("total").asLong()).isZero();
        JsonNode ofB = b.get("/api/cc/numbers/" + id).json();
        assertThat(ofB.path("greeting").isNull()).as("A's greeting must not follow the number to B").isTrue();
        assertThat(b.get("/api/cc/numbers").json().path("items")).extracting(n -> n.path("id").asString())
                .containsExactly(id.toString());

        assertThat(platform().put("/api/cc/platform/numbers/" + id,
                withVersion(Fixtures.number(renumbered, carrier, null), 3)).status()).isEqualTo(200);
        assertThat(tenantCopies(id)).isEmpty();
        assertThat(b.get("/api/cc/numbers/" + id).status()).isEqualTo(404);

        assertThat(platform().put("/api/cc/platform/numbers/" + id,
                withVersion(Fixtures.number(renumbered, carrier, a.tenant()), 4)).status()).isEqualTo(200);
        assertThat(platform().delete("/api/cc/platform/numbers/" + id).status()).isEqualTo(204);
        assertThat(tenantCopies(id)).isEmpty();
        assertThat(platform().get("/api/cc/platform/numbers/" + id).status()).isEqualTo(404);
    }

    @Test
    void theTenantRoutesItsNumberButChangesNothingElse() {
        Api a = Api.adminOfNewTenant(port);
        UUID id = Fixtures.assignedNumber(a);
        Api.Response renumber = a.put("/api/cc/numbers/" + id,
                Map.of("target", "AGENTS", "e164", "+18005550100", "version", 0));
        assertThat(renumber.status()).isEqualTo(400);
        assertThat(renumber.code()).isEqualTo("request.unknown-field");
        Api.Response longGreeting = a.put("/api/cc/numbers/" + id,
                Map.of("target", "AGENTS", "greeting", "x".repeat(501), "version", 0));
        assertThat(longGreeting.json().path("errors").get(0).path("code").asString()).isEqualTo("validation.size");
        Api.Response noVersion = a.put("/api/cc/numbers/" + id, Map.of("target", "AGENTS"));
        assertThat(noVersion.json().path("errors").get(0).path("field").asString()).isEqualTo("version");
        assertThat(a.put("/api/cc/numbers/" + id, Map.of("target", "AGENTS", "greeting", " Hello ", "version", 0))
                .json().path("greeting").asString()).isEqualTo("Hello");
        Api.Response blank = a.put("/api/cc/numbers/" + id, Map.of("target", "AGENTS", "greeting", " ", "version", 1));
        assertThat(blank.json().path("greeting").isNull()).as("blank greeting: the default one").isTrue();
        assertThat(blank.json().path("version").asLong()).isEqualTo(2);
        Api.Response stale = a.put("/api/cc/numbers/" + id, Map.of("target", "AGENTS", "version", 0));
        assertThat(stale.code()).isEqualTo("resource.stale");

        String viewer = TestTokens.person().member(a.tenant(), Set.of("telephony.view")).token();
        assertThat(a.withToken(viewer).get("/api/cc/numbers/" + id).status()).isEqualTo(200);
        Api.Response denied = a.withToken(viewer).put("/api/cc/numbers/" + id,
                Map.of("target", "AGENTS", "greeting", "Viewer was here", "version", 2));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("permission.denied");
        assertThat(a.get("/api/cc/numbers/" + id).json().path("greeting").isNull()).isTrue();
    }

    @Test
    void everyPlatformRouteRefusesTenantUsers() {
        Api tenantAdmin = Api.adminOfNewTenant(port);
        List<String> refused = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!PermissionInterceptor.platformAdminOnly(entry.getValue())) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    String path = pattern.replace("{id}", UUID.randomUUID().toString());
                    Object body = method == RequestMethod.POST || method == RequestMethod.PUT
                            ? Fixtures.carrier("Nope") : null;
                    for (Api caller : List.of(tenantAdmin, tenantAdmin.withTenant(null))) {
                        Api.Response response = caller.call(method.name(), path, body);
                        assertThat(response.status()).as("%s %s: %s", method, pattern, response).isEqualTo(403);
                        assertThat(response.code()).isEqualTo("permission.denied");
                    }
                    refused.add(method + " " + pattern);
                }
            }
        }
        assertThat(refused).contains("GET /api/cc/platform/carriers", "POST /api/cc/platform/carriers",
                "PUT /api/cc/platform/carriers/{id}", "DELETE /api/cc/platform/numbers/{id}",
                "GET /api/cc/platform/numbers");
        assertThat(platform().withToken(null).get("/api/cc/platform/numbers").status()).isEqualTo(401);
    }

    @Test
    void platformTablesAreClosedToTheApplicationRoleAndTenantsOnlyRouteTheirNumbers() throws SQLException {
        Api a = Api.adminOfNewTenant(port);
        UUID number = Fixtures.assignedNumber(a);
        try (Connection app = DriverManager.getConnection(EmbeddedDatabase.shared().jdbcUrl(), EmbeddedDatabase.APP,
                EmbeddedDatabase.APP)) {
            app.setAutoCommit(false);
            try (PreparedStatement scope = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, a.tenant().toString());
                scope.execute();
            }
            for (String sql : List.of("select count(*) from cc.carrier", "select count(*) from cc.phone_number",
                    "update cc.tenant_number set e164 = '+18005550123' where id = '" + number + "'",
                    "delete from cc.tenant_number where id = '" + number + "'",
                    "insert into cc.tenant_number (id, tenant_id, e164, type) values ('" + UUID.randomUUID() + "', '"
                            + a.tenant() + "', '+18005550124', 'MOBILE')")) {
                try (Statement statement = app.createStatement()) {
                    statement.execute("savepoint attempt");
                    assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
                    statement.execute("rollback to savepoint attempt");
                }
            }
            try (Statement statement = app.createStatement()) {
                assertThat(statement.executeUpdate("update cc.tenant_number set greeting = 'Hi' where id = '"
                        + number + "'")).isEqualTo(1);
            }
            app.rollback();
        }
        assertThat(tenantCopies(number)).containsExactly(a.tenant());
    }

    private static Map<String, Object> withVersion(Map<String, Object> body, long version) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("version", version);
        return copy;
    }

    private static String storedPassword(UUID carrier) throws SQLException {
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement statement = admin.prepareStatement("select password from cc.carrier where id = ?")) {
            statement.setObject(1, carrier);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static List<UUID> tenantCopies(UUID number) throws SQLException {
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement statement = admin.prepareStatement(
                        "select tenant_id from cc.tenant_number where id = ?")) {
            statement.setObject(1, number);
            List<UUID> tenants = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tenants.add(rows.getObject(1, UUID.class));
                }
            }
            return tenants;
        }
    }
}
