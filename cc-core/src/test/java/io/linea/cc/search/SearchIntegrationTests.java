package io.linea.cc.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.testing.TestTokens;

/**
 * CRM-03: one search across the tenant's clients (and their notes), tickets (and their attachments) and
 * knowledge-base articles, merged by rank; each type only with its permission; never another tenant's data.
 */
@LineaIntegrationTest
class SearchIntegrationTests {

    @LocalServerPort
    int port;

    private Api a;
    private Api b;
    private final Map<String, UUID> ofA = new java.util.HashMap<>();
    private final Map<String, UUID> ofB = new java.util.HashMap<>();

    @BeforeEach
    void twoTenantsWithTheSameWords() {
        a = Api.adminOfNewTenant(port);
        b = Api.adminOfNewTenant(port);
        for (Api tenant : List.of(a, b)) {
            Map<String, UUID> ids = tenant == a ? ofA : ofB;
            Api.Response client = tenant.post("/api/cc/clients", Map.of("firstName", "Maria", "lastName", "Ionescu",
                    "organisation", "Zanzibar Trading"));
            assertThat(client.status()).as(client.toString()).isEqualTo(201);
            ids.put("client", client.id());
            Api.Response note = tenant.post("/api/cc/clients/" + client.id() + "/notes",
                    Map.of("text", "Prefers calls about the Quokka contract"));
            assertThat(note.status()).isEqualTo(201);
            Api.Response ticket = tenant.post("/api/cc/tickets", Map.of("subject", "Zanzibar invoice missing",
                    "description", "Invoice for Zanzibar Trading was never received."));
            assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
            ids.put("ticket", ticket.id());
            Api.Response attachment = tenant.upload("/api/cc/tickets/" + ticket.id() + "/attachments", "scan.txt",
                    "text/plain", "Delivery note Wombat-17".getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(attachment.status()).as(attachment.toString()).isEqualTo(201);
            Api.Response article = tenant.post("/api/cc/kb/articles", Map.of("title", "Zanzibar invoices",
                    "body", "How to resend an invoice to Zanzibar customers.", "language", "en",
                    "status", "PUBLISHED"));
            assertThat(article.status()).as(article.toString()).isEqualTo(201);
            ids.put("article", article.id());
        }
    }

    private static Api.Response search(Api api, String query) {
        return api.get("/api/cc/search?" + query);
    }

    private static List<JsonNode> results(Api api, String query) {
        Api.Response response = search(api, query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> results = new ArrayList<>();
        response.json().path("results").forEach(results::add);
        return results;
    }

    @Test
    void oneQueryFindsAClientATicketAndAnArticleOfTheTenantRanked() {
        List<JsonNode> found = results(a, "q=zanzibar");
        assertThat(found).extracting(r -> r.path("type").asString())
                .containsExactlyInAnyOrder("client", "ticket", "article");
        assertThat(found).extracting(r -> UUID.fromString(r.path("id").asString()))
                .containsExactlyInAnyOrder(ofA.get("client"), ofA.get("ticket"), ofA.get("article"));
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).path("rank").asDouble()).as("ranked, best first")
                    .isLessThanOrEqualTo(found.get(i - 1).path("rank").asDouble());
        }
        JsonNode ticket = found.stream().filter(r -> r.path("type").asString().equals("ticket")).findFirst().orElseThrow();
        assertThat(ticket.path("title").asString()).startsWith("#").endsWith("Zanzibar invoice missing");
        assertThat(ticket.path("snippet").asString()).contains("<mark>Zanzibar</mark>");
        assertThat(ticket.path("url").asString()).isEqualTo("/api/cc/tickets/" + ofA.get("ticket"));
        JsonNode client = found.stream().filter(r -> r.path("type").asString().equals("client")).findFirst().orElseThrow();
        assertThat(client.path("title").asString()).isEqualTo("Maria Ionescu (Zanzibar Trading)");
        assertThat(client.path("url").asString()).isEqualTo("/api/cc/clients/" + ofA.get("client"));
        JsonNode article = found.stream().filter(r -> r.path("type").asString().equals("article")).findFirst().orElseThrow();
        assertThat(article.path("url").asString()).isEqualTo("/api/cc/kb/articles/" + ofA.get("article"));
        assertThat(article.path("rank").asDouble()).isPositive();

        // a note's words find its client, an attachment's words its ticket
        assertThat(results(a, "q=quokka")).extracting(r -> r.path("id").asString())
                .containsExactly(ofA.get("client").toString());
        assertThat(results(a, "q=wombat")).extracting(r -> r.path("id").asString())
                .containsExactly(ofA.get("ticket").toString());
    }

    @Test
    void nothingOfAnotherTenantIsEverFound() {
        for (String q : List.of("zanzibar", "quokka", "wombat", "maria", "invoice")) {
            Api.Response response = search(a, "q=" + q);
            assertThat(response.status()).isEqualTo(200);
            ofB.values().forEach(id -> assertThat(response.raw()).as(q).doesNotContain(id.toString()));
            Api.Response theirs = search(b, "q=" + q);
            ofA.values().forEach(id -> assertThat(theirs.raw()).as(q).doesNotContain(id.toString()));
        }
        // a token of A with B's tenant header is refused before any search
        Api.Response crossed = a.withTenant(b.tenant()).get("/api/cc/search?q=zanzibar");
        assertThat(crossed.status()).isEqualTo(403);
        assertThat(crossed.code()).isEqualTo("tenant.not-member");
    }

    @Test
    void eachTypeOnlyWithItsPermission() {
        Api agent = a.withToken(TestTokens.person().member(a.tenant(), Set.of("clients.view", "tickets.handle"))
                .token());
        assertThat(results(agent, "q=zanzibar")).extracting(r -> r.path("type").asString())
                .containsExactlyInAnyOrder("client", "ticket");
        assertThat(results(agent, "q=zanzibar&types=article")).as("asked for, not allowed").isEmpty();

        Api reader = a.withToken(TestTokens.person().member(a.tenant(), Set.of("kb.view")).token());
        assertThat(results(reader, "q=zanzibar")).extracting(r -> r.path("type").asString()).containsExactly("article");

        Api helpDesk = a.withToken(TestTokens.person().member(a.tenant(), Set.of("tickets.handle")).token());
        assertThat(results(helpDesk, "q=zanzibar&types=client,ticket")).extracting(r -> r.path("type").asString())
                .containsExactly("ticket");

        Api none = a.withToken(TestTokens.person().member(a.tenant(), Set.of("queues.view")).token());
        Api.Response refused = search(none, "q=zanzibar");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("permission.denied");
    }

    @Test
    void typesLimitAndBadInput() {
        assertThat(results(a, "q=zanzibar&types=ticket")).extracting(r -> r.path("type").asString())
                .containsExactly("ticket");
        assertThat(results(a, "q=zanzibar&types=client,%20article")).extracting(r -> r.path("type").asString())
                .containsExactlyInAnyOrder("client", "article");
        assertThat(results(a, "q=zanzibar&limit=2")).hasSize(2);
        assertThat(results(a, "q=")).isEmpty();
        assertThat(results(a, "")).isEmpty();
        assertThat(results(a, "q=%23" + a.get("/api/cc/tickets/" + ofA.get("ticket")).json().path("number").asLong()))
                .extracting(r -> r.path("id").asString()).containsExactly(ofA.get("ticket").toString());

        Api.Response badType = search(a, "q=zanzibar&types=ticket,invoice");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().path("errors").get(0).path("code").asString()).isEqualTo("search.type-invalid");
        assertThat(badType.json().path("errors").get(0).path("field").asString()).isEqualTo("types");
        assertThat(search(a.inLanguage("ru"), "q=zanzibar&types=invoice").json().path("errors").get(0)
                .path("message").asString()).contains("Неизвестный");
        assertThat(search(a, "q=zanzibar&limit=0").status()).isEqualTo(400);
        assertThat(search(a, "q=zanzibar&limit=51").status()).isEqualTo(400);
        assertThat(search(a, "q=" + "x".repeat(201)).status()).isEqualTo(400);
        Api.Response noTenant = a.withTenant(null).get("/api/cc/search?q=zanzibar");
        assertThat(noTenant.status()).isEqualTo(400);
        assertThat(noTenant.code()).isEqualTo("tenant.required");
        assertThat(a.withToken(null).get("/api/cc/search?q=zanzibar").status()).isEqualTo(401);
    }
}
