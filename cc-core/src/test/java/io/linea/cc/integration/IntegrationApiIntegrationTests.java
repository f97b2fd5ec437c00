package io.linea.cc.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.cc.ImportUploads;
import io.linea.platform.testing.EmbeddedDatabase;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.testing.TestTokens;

/**
 * CRM-05, SEC-04: per-tenant API credentials (secret shown once, stored as a hash, revocable, audited) and
 * the integration API they open: idempotent client upsert, file import, interaction export; scopes and
 * tenants enforced.
 */
@LineaIntegrationTest
class IntegrationApiIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private record Key(UUID id, String secret) {
    }

    private Key key(Api admin, String... scopes) {
        Api.Response created = admin.post("/api/cc/api-credentials", Map.of("name", "CRM sync", "scopes", List.of(scopes)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Key(created.id(), created.json().path("secret").asString());
    }

    private Api.Response call(String method, String path, String secret, Object body, Map<String, String> headers) {
        String text = body == null ? null : body instanceof String s ? s : Api.JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text));
        if (text != null) {
            request.header("Content-Type", "application/json");
        }
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Response upsert(String secret, Object cards) {
        return call("POST", "/api/integration/v1/clients:upsert", secret, cards, Map.of());
    }

    private static List<String> results(Api.Response response) {
        List<String> results = new ArrayList<>();
        response.json().forEach(r -> results.add(r.path("result").asString()));
        return results;
    }

    @Test
    void credentialSecretIsShownOnceStoredHashedAndAudited() throws Exception {
        Api admin = Api.adminOfNewTenant(port);
        Key key = key(admin, "clients.write");
        assertThat(key.secret()).matches("lnk_[a-z2-9]{10}_[A-Za-z0-9_-]{43}");
        Api.Response listed = admin.get("/api/cc/api-credentials");
        assertThat(listed.raw()).doesNotContain(key.secret()).contains(key.id().toString());
        assertThat(listed.json().get(0).has("secret")).isFalse();
        assertThat(admin.get("/api/cc/api-credentials/" + key.id()).raw()).doesNotContain(key.secret().substring(15));
        try (Connection db = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement query = db.prepareStatement("""
                        select encode(secret_hash, 'escape'), (select count(*) from cc.api_credential_event e
                          where e.credential_id = c.id and e.action = 'CREATED') from cc.api_credential c where id = ?""")) {
            query.setObject(1, key.id());
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).doesNotContain(key.secret());
                assertThat(rs.getLong(2)).isEqualTo(1);
            }
        }
        assertThat(admin.post("/api/cc/api-credentials", Map.of("name", "x", "scopes", List.of("everything"))).code())
                .isEqualTo("validation.failed");
        String agent = TestTokens.person().member(admin.tenant(), Set.of("clients.manage")).token();
        assertThat(admin.withToken(agent).post("/api/cc/api-credentials", Map.of("name", "x",
                "scopes", List.of("clients.read"))).status()).isEqualTo(403);
    }

    @Test
    void upsertIsIdempotentRevokedOrUnknownKeysAreRefused() {
        Api admin = Api.adminOfNewTenant(port);
        assertThat(admin.post("/api/cc/client-fields", Map.of("key", "tier", "label", "Tier", "type", "SELECT",
                "options", List.of("A", "B"))).status()).isEqualTo(201);
        Key key = key(admin, "clients.write");
        List<Map<String, Object>> cards = List.of(
                Map.of("externalId", "E-1", "lastName", "Lupu", "phones", List.of(Map.of("number", "+37369000001")),
                        "custom", Map.of("tier", "A")),
                Map.of("externalId", "E-2", "organisation", "Acme SRL", "emails", List.of(Map.of("address", "Office@Acme.md"))),
                Map.of("externalId", "E-3", "lastName", "Bad", "phones", List.of(Map.of("number", "12"))),
                Map.of("lastName", "No id"));
        Api.Response first = upsert(key.secret(), cards);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(results(first)).containsExactly("CREATED", "CREATED", "REJECTED", "REJECTED");
        assertThat(first.json().get(2).path("code").asString()).isEqualTo("number.invalid");
        assertThat(first.json().get(3).path("code").asString()).isEqualTo("client-import.external-id-missing");
        assertThat(first.json().get(3).path("message").asString()).isNotBlank();
        JsonNode card = admin.get("/api/cc/clients/" + first.json().get(0).path("id").asString()).json();

        Api.Response again = upsert(key.secret(), cards);
        assertThat(results(again)).containsExactly("UNCHANGED", "UNCHANGED", "REJECTED", "REJECTED");
        assertThat(admin.get("/api/cc/clients/" + card.path("id").asString()).json()).isEqualTo(card);

        Api.Response changed = call("POST", "/api/integration/v1/clients:upsert", null,
                List.of(Map.of("externalId", "E-1", "firstName", "Ion")), Map.of("X-Linea-Api-Key", key.secret()));
        assertThat(results(changed)).containsExactly("UPDATED");
        JsonNode updated = admin.get("/api/cc/clients/" + card.path("id").asString()).json();
        assertThat(updated.path("firstName").asString()).isEqualTo("Ion");
        assertThat(updated.path("lastName").asString()).isEqualTo("Lupu");
        assertThat(updated.path("custom").path("tier").asString()).isEqualTo("A");
        assertThat(updated.path("version").asLong()).isEqualTo(card.path("version").asLong() + 1);

        assertThat(upsert(null, cards).code()).isEqualTo("auth.required");
        assertThat(upsert("lnk_unknown0000_" + "x".repeat(43), cards).status()).isEqualTo(401);
        assertThat(upsert(key.secret() + "x", cards).code()).isEqualTo("api-key.invalid");
        assertThat(upsert(admin.token(), cards).status()).as("a user JWT does not open the integration API")
                .isEqualTo(401);
        assertThat(admin.delete("/api/cc/api-credentials/" + key.id()).status()).isEqualTo(204);
        Api.Response revoked = upsert(key.secret(), cards);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.code()).isEqualTo("api-key.invalid");
        assertThat(revoked.json().path("status").asInt()).isEqualTo(401);
        assertThat(admin.get("/api/cc/api-credentials/" + key.id()).json().path("revokedAt").isNull()).isFalse();
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("externalId", "T" + i, "lastName", "T"));
        }
        assertThat(upsert(key(admin, "clients.write").secret(), tooMany).code()).isIn("client-upsert.size",
                "request.too-large");
    }

    /**
     * CRM-05: batches of one tenant run side by side; those that create the same external ids at once leave one
     * card per id, each batch's rows CREATED or UPDATED, none lost or refused.
     */
    @Test
    void concurrentBatchesCreatingTheSameExternalIdsLeaveOneCardEach() throws Exception {
        Api admin = Api.adminOfNewTenant(port);
        Key key = key(admin, "clients.write");
        int batches = 4;
        List<java.util.concurrent.Future<Api.Response>> sent = new ArrayList<>();
        try (java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(batches)) {
            for (int b = 0; b < batches; b++) {
                List<Map<String, Object>> cards = new ArrayList<>();
                // every batch: the 200 shared ids (in its own order) and 50 of its own
                for (int i = 0; i < 200; i++) {
                    int n = b % 2 == 0 ? i : 199 - i;
                    cards.add(Map.of("externalId", "S-" + n, "lastName", "Shared " + b, "phones",
                            List.of(Map.of("number", String.format("+3736900%04d", n)))));
                }
                for (int i = 0; i < 50; i++) {
                    cards.add(Map.of("externalId", "O-" + b + "-" + i, "lastName", "Own"));
                }
                sent.add(threads.submit(() -> upsert(key.secret(), cards)));
            }
            for (java.util.concurrent.Future<Api.Response> response : sent) {
                assertThat(response.get().status()).as(response.get().toString()).isEqualTo(200);
                assertThat(results(response.get())).hasSize(250).allMatch(r -> r.equals("CREATED")
                        || r.equals("UPDATED"));
            }
        }
        assertThat(sent.stream().mapToLong(r -> {
            try {
                return results(r.get()).stream().filter("CREATED"::equals).count();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sum()).as("each shared id created once").isEqualTo(200 + batches * 50);
        assertThat(admin.get("/api/cc/clients?size=1").json().path("total").asLong()).isEqualTo(200 + batches * 50);
        assertThat(admin.get("/api/cc/clients/identify?phone=%2B37369000017").json()).hasSize(1);
        assertThat(admin.get("/api/cc/clients?q=69000170&size=5").json().path("total").asLong())
                .as("one phone, its digits once").isEqualTo(1);
    }

    @Test
    void keyOfTenantANeverReadsOrWritesTenantBAndScopesAreEnforced() {
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        Key ofA = key(a, "clients.write");
        Key readOnly = key(a, "clients.read");
        Api.Response ofB = b.post("/api/cc/clients", Map.of("externalId", "SAME", "lastName", "Of B"));
        assertThat(ofB.status()).isEqualTo(201);

        assertThat(results(upsert(ofA.secret(), List.of(Map.of("externalId", "SAME", "lastName", "Of A")))))
                .containsExactly("CREATED");
        assertThat(b.get("/api/cc/clients/" + ofB.id()).json().path("lastName").asString()).isEqualTo("Of B");
        Api.Response foreignHeader = call("POST", "/api/integration/v1/clients:upsert", ofA.secret(),
                List.of(Map.of("externalId", "X", "lastName", "X")), Map.of("X-Tenant-Id", b.tenant().toString()));
        assertThat(foreignHeader.status()).isEqualTo(403);
        assertThat(foreignHeader.code()).isEqualTo("tenant.not-member");

        UUID jobOfB = ImportUploads.smallImport(b);
        Api.Response foreignJob = call("GET", "/api/integration/v1/clients/imports/" + jobOfB, ofA.secret(), null, Map.of());
        assertThat(foreignJob.status()).isEqualTo(404);
        assertThat(foreignJob.code()).isEqualTo("resource.not-found");
        assertThat(call("GET", "/api/integration/v1/clients/imports/" + jobOfB + "/rejected", ofA.secret(), null,
                Map.of()).status()).isEqualTo(404);

        Api.Response denied = upsert(readOnly.secret(), List.of(Map.of("externalId", "R", "lastName", "R")));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("api-key.scope-missing");
        assertThat(call("GET", "/api/integration/v1/interactions?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z",
                readOnly.secret(), null, Map.of()).code()).isEqualTo("api-key.scope-missing");
        assertThat(b.get("/api/cc/clients?q=R").json().path("total").asLong()).isZero();
    }

    @Test
    void fileImportThroughTheApiAndInteractionExportPagedByCursor() {
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        Key key = key(a, "clients.write", "interactions.read");
        byte[] csv = "id,last,phone\nI1,Ursu,+37369000011\nI2,Ursu,+37369000012\n".getBytes(StandardCharsets.UTF_8);
        Api.Response accepted = ImportUploads.upload(a, "/api/integration/v1/clients/imports", "load.csv", csv,
                Map.of("mapping", ImportUploads.MAPPING), Map.of("X-Linea-Api-Key", key.secret()));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().path("source").asString()).isEqualTo("API");
        Api.Response done = null;
        for (int i = 0; i < 200; i++) {
            done = call("GET", "/api/integration/v1/clients/imports/" + accepted.id(), key.secret(), null, Map.of());
            if ("DONE".equals(done.json().path("status").asString())) {
                break;
            }
            sleep();
        }
        assertThat(done.json().path("created").asLong()).as(done.toString()).isEqualTo(2);
        assertThat(a.get("/api/cc/clients/imports/" + accepted.id()).status()).isEqualTo(200);

        Set<UUID> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(Fixtures.interaction(a));
        }
        Fixtures.interaction(b);
        String period = "from=" + Instant.now().minus(Duration.ofHours(1)) + "&to=" + Instant.now().plus(Duration.ofHours(1));
        Api.Response page1 = call("GET", "/api/integration/v1/interactions?" + period + "&limit=2", key.secret(), null,
                Map.of());
        assertThat(page1.status()).as(page1.toString()).isEqualTo(200);
        assertThat(page1.json().path("items")).hasSize(2);
        String cursor = page1.json().path("nextCursor").asString();
        Api.Response page2 = call("GET", "/api/integration/v1/interactions?" + period + "&limit=2&cursor=" + cursor,
                key.secret(), null, Map.of());
        assertThat(page2.json().path("items")).hasSize(1);
        assertThat(page2.json().path("nextCursor").isNull()).isTrue();
        Set<UUID> seen = new HashSet<>();
        for (Api.Response page : List.of(page1, page2)) {
            page.json().path("items").forEach(item -> seen.add(UUID.fromString(item.path("id").asString())));
        }
        assertThat(seen).isEqualTo(mine);
        assertThat(call("GET", "/api/integration/v1/interactions?" + period + "&cursor=garbage!", key.secret(), null,
                Map.of()).code()).isEqualTo("integration.cursor-invalid");
        assertThat(call("GET", "/api/integration/v1/interactions?" + period + "&limit=0", key.secret(), null,
                Map.of()).code()).isEqualTo("integration.limit-invalid");
    }

    @Test
    void everyPathOfTheOpenApiDocumentExists() throws IOException {
        Path document = Path.of("..", "docs", "api", "integration-openapi.yaml");
        List<String> documented = Files.readAllLines(document).stream().filter(l -> l.matches("^  '?/.*'?:\\s*$"))
                .map(l -> l.strip().replaceAll(":$", "").replace("'", "")).toList();
        Set<String> served = new HashSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> served.addAll(info.getPatternValues()));
        assertThat(documented).hasSizeGreaterThanOrEqualTo(5);
        assertThat(served).containsAll(documented);
        assertThat(documented).containsAll(served.stream().filter(p -> p.startsWith("/api/integration/")).toList());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
