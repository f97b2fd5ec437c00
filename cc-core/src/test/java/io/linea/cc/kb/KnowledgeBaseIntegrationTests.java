package io.linea.cc.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.testing.TestTokens;

/**
 * HD-03 and RPT-07 through the HTTP API against the real embedded PostgreSQL: categories, articles with
 * every revision kept, publishing, language-aware search, translations and the FAQ counts.
 */
@LineaIntegrationTest
class KnowledgeBaseIntegrationTests {

    @LocalServerPort
    int port;

    private Api a;

    @BeforeEach
    void tenant() {
        a = Api.adminOfNewTenant(port);
    }

    static Map<String, Object> article(String title, String body, String language) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("body", body);
        article.put("language", language);
        return article;
    }

    private UUID create(Map<String, Object> body) {
        Api.Response created = a.post("/api/cc/kb/articles", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private JsonNode search(String query) {
        Api.Response found = a.get("/api/cc/kb/articles?" + query);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json();
    }

    private static List<String> titles(JsonNode page) {
        return page.path("items").valueStream().map(hit -> hit.path("title").asString()).toList();
    }

    @Test
    void categoriesNestAndACategoryWithArticlesIsNotDeleted() {
        Api.Response billing = a.post("/api/cc/kb/categories", Map.of("name", "Billing", "position", 1));
        assertThat(billing.status()).as(billing.toString()).isEqualTo(201);
        Api.Response invoices = a.post("/api/cc/kb/categories",
                Map.of("name", "Invoices", "parentId", billing.id().toString()));
        assertThat(invoices.json().path("parentId").asString()).isEqualTo(billing.id().toString());
        assertThat(a.post("/api/cc/kb/categories", Map.of("name", "Billing")).code()).isEqualTo("kb.category.name-taken");
        assertThat(a.get("/api/cc/kb/categories").json().valueStream().map(c -> c.path("name").asString()))
                .containsExactly("Invoices", "Billing");

        // no cycles: Billing cannot move under its own child
        Api.Response cycle = a.put("/api/cc/kb/categories/" + billing.id(),
                Map.of("name", "Billing", "parentId", invoices.id().toString(), "version", 0));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.json().path("errors").toString()).contains("kb.category.cycle");

        Map<String, Object> filed = article("How to pay", "Pay by card.", "en");
        filed.put("categoryId", invoices.id().toString());
        UUID article = create(filed);
        Api.Response refused = a.delete("/api/cc/kb/categories/" + invoices.id());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("kb.category.has-articles");
        assertThat(refused.json().path("detail").asString()).contains("articles");
        assertThat(a.delete("/api/cc/kb/categories/" + billing.id()).code()).isEqualTo("kb.category.has-children");

        assertThat(a.delete("/api/cc/kb/articles/" + article).status()).isEqualTo(204);
        assertThat(a.delete("/api/cc/kb/categories/" + invoices.id()).status()).isEqualTo(204);
        assertThat(a.get("/api/cc/kb/categories/" + invoices.id()).status()).isEqualTo(404);
        Api.Response renamed = a.put("/api/cc/kb/categories/" + billing.id(), Map.of("name", "Payments", "version", 0));
        assertThat(renamed.json().path("name").asString()).isEqualTo("Payments");
        assertThat(a.put("/api/cc/kb/categories/" + billing.id(), Map.of("name", "Stale", "version", 0)).code())
                .isEqualTo("resource.stale");
    }

    @Test
    void articleRoundTripKeepsEveryRevisionWithItsAuthor() {
        Map<String, Object> draft = article("Block a cash register", "Open **Settings** and press Block.", "en");
        draft.put("tags", List.of("kkm", "block"));
        Api.Response created = a.post("/api/cc/kb/articles", draft);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode article = created.json();
        UUID id = created.id();
        assertThat(article.path("status").asString()).isEqualTo("DRAFT");
        assertThat(article.path("visibility").asString()).isEqualTo("INTERNAL");
        assertThat(article.path("revision").asInt()).isEqualTo(1);
        assertThat(article.path("tags").toString()).isEqualTo("[\"kkm\",\"block\"]");
        assertThat(article.path("updatedBy").asString()).isNotBlank();

        // a second author edits the body: revision 2, revision 1 kept with the first author
        String editor = TestTokens.person().member(a.tenant(), Set.of("kb.view", "kb.manage")).token();
        Map<String, Object> edit = new HashMap<>(draft);
        edit.put("body", "Open **Settings**, choose the register and press Block.");
        edit.put("version", article.path("version").asLong());
        Api.Response edited = a.withToken(editor).put("/api/cc/kb/articles/" + id, edit);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().path("revision").asInt()).isEqualTo(2);
        assertThat(edited.json().path("updatedBy").asString()).isNotEqualTo(article.path("updatedBy").asString());

        // publishing changes no text: no new revision
        Map<String, Object> publish = new HashMap<>(edit);
        publish.put("status", "PUBLISHED");
        publish.put("visibility", "PUBLIC");
        publish.put("version", edited.json().path("version").asLong());
        Api.Response published = a.put("/api/cc/kb/articles/" + id, publish);
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.json().path("revision").asInt()).isEqualTo(2);

        // a stale version is refused and changes nothing
        Map<String, Object> stale = new HashMap<>(publish);
        stale.put("title", "Lost update");
        stale.put("version", edited.json().path("version").asLong());
        Api.Response conflict = a.put("/api/cc/kb/articles/" + id, stale);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("resource.stale");

        Map<String, Object> retitle = new HashMap<>(publish);
        retitle.put("title", "Block or unblock a cash register");
        retitle.put("version", published.json().path("version").asLong());
        assertThat(a.put("/api/cc/kb/articles/" + id, retitle).json().path("revision").asInt()).isEqualTo(3);

        JsonNode versions = a.get("/api/cc/kb/articles/" + id + "/versions").json();
        assertThat(versions.valueStream().map(v -> v.path("revision").asInt())).containsExactly(3, 2, 1);
        assertThat(versions.get(2).path("editedBy").asString()).isEqualTo(article.path("updatedBy").asString());
        assertThat(versions.get(1).path("editedBy").asString()).isEqualTo(edited.json().path("updatedBy").asString());
        assertThat(versions.get(0).path("editedAt").asString()).isNotBlank();
        JsonNode first = a.get("/api/cc/kb/articles/" + id + "/versions/1").json();
        assertThat(first.path("body").asString()).isEqualTo("Open **Settings** and press Block.");
        assertThat(first.path("title").asString()).isEqualTo("Block a cash register");
        assertThat(a.get("/api/cc/kb/articles/" + id + "/versions/2").json().path("body").asString())
                .contains("choose the register");
        assertThat(a.get("/api/cc/kb/articles/" + id + "/versions/9").code()).isEqualTo("resource.not-found");

        // archiving
        Map<String, Object> archive = new HashMap<>(retitle);
        archive.put("status", "ARCHIVED");
        archive.put("version", a.get("/api/cc/kb/articles/" + id).json().path("version").asLong());
        assertThat(a.put("/api/cc/kb/articles/" + id, archive).json().path("status").asString()).isEqualTo("ARCHIVED");
        assertThat(titles(search("status=ARCHIVED"))).containsExactly("Block or unblock a cash register");
        assertThat(titles(search("status=PUBLISHED"))).isEmpty();

        assertThat(a.delete("/api/cc/kb/articles/" + id).status()).isEqualTo(204);
        assertThat(a.get("/api/cc/kb/articles/" + id).status()).isEqualTo(404);
        assertThat(a.get("/api/cc/kb/articles/" + id + "/versions").status()).isEqualTo(404);
    }

    @Test
    void scriptIsNeverStoredAndBadInputIsAProblem() {
        for (String body : List.of("Hello <script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "[click](javascript:alert(1))", "<!-- hidden -->")) {
            Api.Response refused = a.post("/api/cc/kb/articles", article("Unsafe", body, "en"));
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("validation.failed");
        }
        // HTML in code is text, and "a < b" is prose
        create(article("Code", "Type `<b>` to bold, and 1 < 2 > 0.\n\n```\n<script>x()</script>\n```", "en"));
        assertThat(titles(search(""))).containsExactly("Code");

        Api.Response language = a.post("/api/cc/kb/articles", article("X", "Y", "de"));
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.code()).isEqualTo("request.invalid-enum");
        Api.Response ro = a.inLanguage("ro").post("/api/cc/kb/articles", article("X", "<b>bold</b>", "en"));
        assertThat(ro.json().path("errors").toString()).contains("kb.article.html-not-allowed").contains("HTML");
        assertThat(a.get("/api/cc/kb/articles?language=xx").code()).isEqualTo("request.invalid-parameter");
        assertThat(a.get("/api/cc/kb/articles?size=1000").status()).isEqualTo(400);
        assertThat(a.get("/api/cc/kb/articles/not-a-uuid").status()).isEqualTo(400);
        Map<String, Object> missingCategory = article("X", "Y", "en");
        missingCategory.put("categoryId", UUID.randomUUID().toString());
        assertThat(a.post("/api/cc/kb/articles", missingCategory).json().path("errors").toString())
                .contains("kb.category.missing");
        String viewer = TestTokens.person().member(a.tenant(), Set.of("kb.view")).token();
        assertThat(a.withToken(viewer).post("/api/cc/kb/articles", article("X", "Y", "en")).code())
                .isEqualTo("permission.denied");
    }

    @Test
    void searchStemsEnglishAndRussianFoldsAccentsAndRanksTitleAboveBody() {
        create(article("Payment methods", "Customers pay by card, transfer or cash.", "en"));
        create(article("Registration", "After registering, the customer confirms the payments they made.", "en"));
        create(article("Как заблокировать ККМ", "Откройте настройки кассы и нажмите кнопку блокировки.", "ru"));
        create(article("Přihlášení do portálu", "Zadejte heslo a potvrďte.", "cs"));
        create(article("Plată cu cardul", "Clienții plătesc online.", "ro"));

        // English stemming: "paying" and "payment" meet "pay" and "payments"; the title match ranks first
        JsonNode paying = search("q=payment");
        assertThat(titles(paying)).containsExactly("Payment methods", "Registration");
        assertThat(paying.path("items").get(0).path("rank").asDouble())
                .isGreaterThan(paying.path("items").get(1).path("rank").asDouble());
        // the snippet comes from the body: marked where the body matched
        assertThat(paying.path("items").get(1).path("snippet").asString()).contains("<mark>payments</mark>");
        assertThat(titles(search("q=registered&language=en"))).containsExactly("Registration");
        // Russian stemming: "блокировать" is another form of "блокировки" and "заблокировать" is not needed
        JsonNode blocked = search("q=" + encode("кнопки блокировка") + "&language=ru");
        assertThat(titles(blocked)).containsExactly("Как заблокировать ККМ");
        assertThat(blocked.path("items").get(0).path("snippet").asString()).contains("<mark>кнопку</mark>");
        // case and accents: Czech with the simple configuration, Romanian with its own
        assertThat(titles(search("q=PRIHLASENI"))).containsExactly("Přihlášení do portálu");
        assertThat(titles(search("q=" + encode("plata")))).containsExactly("Plată cu cardul");
        assertThat(titles(search("q=" + encode("clientii")))).containsExactly("Plată cu cardul");
        // a word in no article, and another language's filter
        assertThat(search("q=unicorn").path("total").asInt()).isZero();
        assertThat(titles(search("q=payment&language=ru"))).isEmpty();
    }

    @Test
    void searchFiltersInternalAndPublicAndCategory() {
        UUID category = a.post("/api/cc/kb/categories", Map.of("name", "Devices")).id();
        Map<String, Object> internal = article("Reset the router (staff)", "Use the admin password.", "en");
        internal.put("categoryId", category.toString());
        create(internal);
        Map<String, Object> published = article("Reset the router", "Hold the button for ten seconds.", "en");
        published.put("visibility", "PUBLIC");
        published.put("status", "PUBLISHED");
        create(published);

        assertThat(titles(search("q=router&visibility=INTERNAL"))).containsExactly("Reset the router (staff)");
        assertThat(titles(search("q=router&visibility=PUBLIC"))).containsExactly("Reset the router");
        assertThat(titles(search("q=router&status=PUBLISHED"))).containsExactly("Reset the router");
        assertThat(titles(search("q=router&categoryId=" + category))).containsExactly("Reset the router (staff)");
        assertThat(search("q=router").path("total").asInt()).isEqualTo(2);
        assertThat(search("size=1&page=1").path("items").size()).isEqualTo(1);

        // another tenant with the same words sees only its own
        Api b = Api.adminOfNewTenant(port);
        assertThat(b.get("/api/cc/kb/articles?q=router").json().path("total").asInt()).isZero();
        assertThat(b.get("/api/cc/kb/articles").json().path("total").asInt()).isZero();
    }

    @Test
    void snippetIsEscapedTextWithOnlyMarks() {
        create(article("Tags", "To show a tag type `<script>` in code; the keyword is router.", "en"));
        String snippet = search("q=router").path("items").get(0).path("snippet").asString();
        assertThat(snippet).contains("<mark>router</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void translationsAreGrouped() {
        UUID original = create(article("Payment methods", "Card or cash.", "en"));
        Map<String, Object> ru = article("Способы оплаты", "Карта или наличные.", "ru");
        ru.put("translationOf", original.toString());
        UUID russian = create(ru);
        // naming a translation groups with its original too
        Map<String, Object> kk = article("Төлем тәсілдері", "Карта немесе қолма-қол ақша.", "kk");
        kk.put("translationOf", russian.toString());
        UUID kazakh = create(kk);

        JsonNode en = a.get("/api/cc/kb/articles/" + original).json();
        assertThat(en.path("translations").valueStream().map(t -> t.path("language").asString()))
                .containsExactly("ru", "kk");
        assertThat(a.get("/api/cc/kb/articles/" + kazakh).json().path("translationOf").asString())
                .isEqualTo(original.toString());
        Map<String, Object> secondRussian = article("Оплата", "Дубль.", "ru");
        secondRussian.put("translationOf", original.toString());
        Api.Response duplicate = a.post("/api/cc/kb/articles", secondRussian);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("kb.article.translation-exists");

        // the original goes: its translations stay grouped
        assertThat(a.delete("/api/cc/kb/articles/" + original).status()).isEqualTo(204);
        JsonNode after = a.get("/api/cc/kb/articles/" + kazakh).json();
        assertThat(after.path("translationOf").asString()).isEqualTo(russian.toString());
        assertThat(a.get("/api/cc/kb/articles/" + russian).json().path("translations").size()).isEqualTo(1);
    }

    @Test
    void faqCountsInteractionsOncePerArticleInThePeriod() {
        UUID pay = create(article("How to pay", "Card.", "en"));
        UUID block = create(article("Как заблокировать ККМ", "Настройки.", "ru"));
        UUID unused = create(article("Unused", "Nobody reads this.", "en"));
        UUID call1 = Fixtures.interaction(a);
        UUID call2 = Fixtures.interaction(a);
        for (UUID call : List.of(call1, call2)) {
            Api.Response used = a.post("/api/cc/kb/articles/" + pay + "/uses", Map.of("interactionId", call.toString()));
            assertThat(used.status()).as(used.toString()).isEqualTo(200);
            assertThat(used.json().path("counted").asBoolean()).isTrue();
        }
        Api.Response again = a.post("/api/cc/kb/articles/" + pay + "/uses", Map.of("interactionId", call1.toString()));
        assertThat(again.json().path("counted").asBoolean()).isFalse();
        a.post("/api/cc/kb/articles/" + block + "/uses", Map.of("interactionId", call1.toString()));

        JsonNode faq = a.get("/api/cc/kb/faq").json();
        assertThat(faq.path("articles").valueStream().map(e -> e.path("title").asString() + "=" + e.path("interactions").asLong()))
                .containsExactly("How to pay=2", "Как заблокировать ККМ=1");
        assertThat(faq.toString()).doesNotContain(unused.toString());
        assertThat(a.get("/api/cc/kb/faq?language=ru").json().path("articles").size()).isEqualTo(1);
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        assertThat(a.get("/api/cc/kb/faq?from=" + tomorrow + "&to=" + tomorrow.plus(1, ChronoUnit.DAYS)).json()
                .path("articles").size()).isZero();
        assertThat(a.get("/api/cc/kb/faq?from=" + tomorrow + "&to=" + Instant.now()).json().path("errors").toString())
                .contains("kb.faq.period-invalid");

        // an interaction of another tenant, or none, is refused and not counted
        Api b = Api.adminOfNewTenant(port);
        UUID foreign = Fixtures.interaction(b);
        Api.Response refused = a.post("/api/cc/kb/articles/" + block + "/uses", Map.of("interactionId", foreign.toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").toString()).contains("kb.use.interaction-missing");
        assertThat(a.post("/api/cc/kb/articles/" + block + "/uses", Map.of()).status()).isEqualTo(400);
        assertThat(a.get("/api/cc/kb/faq").json().path("articles").get(1).path("interactions").asLong()).isEqualTo(1);
        assertThat(b.get("/api/cc/kb/faq").json().path("articles").size()).isZero();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
