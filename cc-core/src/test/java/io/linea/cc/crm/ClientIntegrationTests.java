package io.linea.cc.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.cc.shared.PersonalDataRegistry;
import io.linea.platform.testing.EmbeddedDatabase;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.tenancy.TenantContext;
import io.linea.platform.testing.TestTokens;

/** The client card: cards, custom fields, identification, notes, history and search (CRM-01 … CRM-04, AGT-04, AGT-05, AGT-12, SEC-04). */
@LineaIntegrationTest
class ClientIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ClientDirectory directory;

    @Autowired
    PersonalDataRegistry personalData;

    private static Map<String, Object> client(String firstName, String lastName, String... phones) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("phones", java.util.Arrays.stream(phones).map(p -> Map.of("number", p)).toList());
        return body;
    }

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private static List<String> errorFields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString() + "=" + e.path("code").asString()));
        return fields;
    }

    @Test
    void cardRoundTripNormalisesAndVersions() throws SQLException {
        Api a = Api.adminOfNewTenant(port);
        Map<String, Object> body = new LinkedHashMap<>(client(" Maria ", "Ceban", "+373 (22) 123-456"));
        body.put("organisation", "Moldtelecom");
        body.put("externalId", "ICIS 42/7");
        body.put("language", "ro");
        body.put("emails", List.of(Map.of("address", " Maria.Ceban@Example.COM ", "label", "work")));
        body.put("tags", List.of("VIP", " vip ", "Complaint  open"));
        Api.Response created = created(a.post("/api/cc/clients", body));
        JsonNode card = created.json();
        assertThat(card.propertyNames()).containsExactlyInAnyOrder("id", "firstName", "lastName", "organisation",
                "externalId", "language", "phones", "emails", "tags", "custom", "link", "createdAt", "updatedAt",
                "version");
        assertThat(card.path("firstName").asString()).isEqualTo("Maria");
        assertThat(card.path("phones").get(0).path("number").asString()).isEqualTo("+37322123456");
        assertThat(card.path("emails").get(0).path("address").asString()).isEqualTo("maria.ceban@example.com");
        assertThat(card.path("emails").get(0).path("label").asString()).isEqualTo("work");
        assertThat(card.path("tags").valueStream().map(JsonNode::asString)).containsExactly("vip", "complaint open");
        // AGT-12: no template yet, so no link even with an external id
        assertThat(card.path("link").isNull()).isTrue();
        assertThat(a.get("/api/cc/clients/" + created.id()).json()).isEqualTo(card);

        assertThat(a.put("/api/cc/crm-settings", Map.of("linkTemplate", "https://icis.example/client?id={externalId}",
                "version", 0)).status()).isEqualTo(200);
        assertThat(a.get("/api/cc/clients/" + created.id()).json().path("link").asString())
                .isEqualTo("https://icis.example/client?id=ICIS%2042%2F7");
        Api.Response withoutId = created(a.post("/api/cc/clients", client("Ion", "Rusu")));
        assertThat(withoutId.json().path("link").isNull()).as("no external id, no link").isTrue();

        Map<String, Object> change = new LinkedHashMap<>(client("Maria", "Ceban-Rusu", "+37322123456", "+37369000001"));
        change.put("version", 0);
        Api.Response changed = a.put("/api/cc/clients/" + created.id(), change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("version").asLong()).isEqualTo(1);
        assertThat(changed.json().path("phones")).hasSize(2);
        assertThat(changed.json().path("emails")).isEmpty();
        assertThat(changed.json().path("externalId").isNull()).isTrue();
        assertThat(changed.json().path("link").isNull()).isTrue();
        assertThat(a.put("/api/cc/clients/" + created.id(), change).code()).isEqualTo("resource.stale");

        // CRM-04: the external id is unique per tenant, not platform-wide
        Map<String, Object> external = new LinkedHashMap<>(client("A", "B"));
        external.put("externalId", "X-1");
        created(a.post("/api/cc/clients", external));
        Api.Response taken = a.post("/api/cc/clients", external);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("client.external-id-taken");
        created(Api.adminOfNewTenant(port).post("/api/cc/clients", external));

        assertThat(a.delete("/api/cc/clients/" + created.id()).status()).isEqualTo(204);
        assertThat(a.get("/api/cc/clients/" + created.id()).status()).isEqualTo(404);
        assertThat(rows("client_phone", a.tenant(), "+37369000001")).isZero();
    }

    @Test
    void badCardsAreRefusedWithFieldProblemsAndSaveNothing() throws SQLException {
        Api a = Api.adminOfNewTenant(port);
        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        bad.put("lastName=client.name-required", Map.of("firstName", " ", "organisation", ""));
        bad.put("phones[1].number=number.invalid", client("A", "B", "+447700900123", "12ab"));
        bad.put("phones[1].number=client.phone-duplicate", client("A", "B", "+447700900123", "+44 7700 900123"));
        bad.put("emails[0].address=email.invalid", Map.of("lastName", "B", "emails", List.of(Map.of("address", "maria@"))));
        bad.put("phones=validation.size", client("A", "B", IntStream.range(0, 11)
                .mapToObj(i -> "+4477009001" + (10 + i)).toArray(String[]::new)));
        bad.put("tags[0]=validation.size", Map.of("lastName", "B", "tags", List.of("x".repeat(41))));
        bad.put("language=language.unsupported", Map.of("lastName", "B", "language", "xx"));
        for (Map.Entry<String, Map<String, Object>> entry : bad.entrySet()) {
            Api.Response response = a.post("/api/cc/clients", entry.getValue());
            assertThat(response.status()).as(entry.getKey() + " " + response).isEqualTo(400);
            assertThat(errorFields(response)).as(response.toString()).contains(entry.getKey());
            assertThat(response.json().path("detail").asString()).isNotBlank();
        }
        assertThat(a.get("/api/cc/clients").json().path("total").asLong()).isZero();
        assertThat(rows("client_phone", a.tenant(), null)).isZero();
    }

    @Test
    void customFieldsOfEveryTypeAreCheckedOnEveryWrite() throws SQLException {
        Api a = Api.adminOfNewTenant(port);
        field(a, "notes_text", "TEXT", false, null);
        field(a, "age", "NUMBER", true, null);
        field(a, "born", "DATE", false, null);
        field(a, "sex", "SELECT", false, List.of("female", "male", "other"));
        field(a, "topics", "MULTI_SELECT", false, List.of("billing", "roaming", "tv"));
        field(a, "consent", "BOOLEAN", true, null);
        field(a, "mobile", "PHONE", false, null);
        field(a, "private_email", "EMAIL", false, null);
        // CRM-02: at least 15 per tenant; these fill the card up to 16
        for (int i = 0; i < 8; i++) {
            field(a, "extra_" + i, "TEXT", false, null);
        }
        JsonNode fields = a.get("/api/cc/client-fields").json();
        assertThat(fields).hasSize(16);
        assertThat(fields.get(0).path("key").asString()).isEqualTo("notes_text");
        assertThat(fields.get(3).path("options").valueStream().map(JsonNode::asString))
                .containsExactly("female", "male", "other");

        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("notes_text", "  prefers mornings ");
        custom.put("age", 42);
        custom.put("born", "1983-04-05");
        custom.put("sex", "female");
        custom.put("topics", List.of("tv", "billing", "tv"));
        custom.put("consent", true);
        custom.put("mobile", "+44 7700 900 555");
        custom.put("private_email", "Maria@Example.com");
        custom.put("extra_0", "");
        Map<String, Object> body = new LinkedHashMap<>(client("Maria", "Ceban"));
        body.put("custom", custom);
        Api.Response ok = created(a.post("/api/cc/clients", body));
        JsonNode values = ok.json().path("custom");
        assertThat(values.propertyNames()).containsExactly("notes_text", "age", "born", "sex", "topics", "consent",
                "mobile", "private_email");
        assertThat(values.path("notes_text").asString()).isEqualTo("prefers mornings");
        assertThat(values.path("age").asInt()).isEqualTo(42);
        assertThat(values.path("topics").valueStream().map(JsonNode::asString)).containsExactly("tv", "billing");
        assertThat(values.path("consent").asBoolean()).isTrue();
        assertThat(values.path("mobile").asString()).isEqualTo("+447700900555");
        assertThat(values.path("private_email").asString()).isEqualTo("maria@example.com");
        assertThat(a.get("/api/cc/clients/" + ok.id()).json().path("custom")).isEqualTo(values);

        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("notes_text", 12);
        wrong.put("born", "05.04.1983");
        wrong.put("sex", "unknown");
        wrong.put("topics", List.of("tv", "sport"));
        wrong.put("consent", "yes");
        wrong.put("mobile", "0800 CALL ME");
        wrong.put("private_email", "maria at example");
        wrong.put("shoe_size", 44);
        Map<String, Object> refused = new LinkedHashMap<>(client("Ion", "Rusu"));
        refused.put("custom", wrong);
        Api.Response response = a.post("/api/cc/clients", refused);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation.failed");
        assertThat(errorFields(response)).containsExactlyInAnyOrder("custom.shoe_size=client.custom-unknown",
                "custom.notes_text=client.custom-type", "custom.age=client.custom-required",
                "custom.born=client.custom-date", "custom.sex=client.custom-option", "custom.topics=client.custom-option",
                "custom.consent=client.custom-type", "custom.mobile=number.invalid",
                "custom.private_email=email.invalid");
        assertThat(a.inLanguage("ro").post("/api/cc/clients", refused).json().path("errors").valueStream()
                .filter(e -> e.path("field").asString().equals("custom.age")).findFirst().orElseThrow()
                .path("message").asString()).isEqualTo("Obligatoriu: age.");
        Map<String, Object> textTooLong = new LinkedHashMap<>(custom);
        textTooLong.put("notes_text", "x".repeat(1001));
        Map<String, Object> tooLong = new LinkedHashMap<>(client("Ion", "Rusu"));
        tooLong.put("custom", textTooLong);
        assertThat(errorFields(a.post("/api/cc/clients", tooLong))).containsExactly("custom.notes_text=client.custom-too-long");
        assertThat(a.get("/api/cc/clients").json().path("total").asLong()).as("refused writes save nothing").isEqualTo(1);

        // definitions: options only for choices, keys unique and fixed, the limit of 50
        assertThat(a.post("/api/cc/client-fields", Map.of("key", "region", "label", "Region", "type", "SELECT")).code())
                .isEqualTo("validation.failed");
        assertThat(errorFields(a.post("/api/cc/client-fields", Map.of("key", "region", "label", "Region", "type",
                "SELECT")))).containsExactly("options=client-field.options-required");
        assertThat(errorFields(a.post("/api/cc/client-fields", Map.of("key", "region", "label", "Region", "type",
                "TEXT", "options", List.of("a"))))).containsExactly("options=client-field.options-unexpected");
        assertThat(errorFields(a.post("/api/cc/client-fields", Map.of("key", "Region!", "label", "Region", "type",
                "TEXT")))).containsExactly("key=validation.pattern");
        assertThat(a.post("/api/cc/client-fields", Map.of("key", "age", "label", "Age again", "type", "NUMBER")).code())
                .isEqualTo("client-field.key-taken");
        JsonNode age = fields.get(1);
        assertThat(errorFields(a.put("/api/cc/client-fields/" + age.path("id").asString(), Map.of("key", "age",
                "label", "Age", "type", "TEXT", "version", 0)))).containsExactly("type=client-field.type-fixed");
        Api.Response relabelled = a.put("/api/cc/client-fields/" + age.path("id").asString(), Map.of("key", "age",
                "label", "Age (years)", "type", "NUMBER", "required", false, "position", 1, "version", 0));
        assertThat(relabelled.status()).as(relabelled.toString()).isEqualTo(200);
        assertThat(relabelled.json().path("required").asBoolean()).isFalse();

        // deleting a field takes its values off every card (SEC-04), a new field of that key starts empty
        UUID sex = UUID.fromString(fields.get(3).path("id").asString());
        assertThat(a.delete("/api/cc/client-fields/" + sex).status()).isEqualTo(204);
        assertThat(a.get("/api/cc/clients/" + ok.id()).json().path("custom").has("sex")).isFalse();
        assertThat(storedCustom(a.tenant(), ok.id())).doesNotContain("female");
        field(a, "sex", "TEXT", false, null);
        assertThat(a.get("/api/cc/clients/" + ok.id()).json().path("custom").has("sex")).isFalse();

        for (int i = 16; i < CrmConfiguration.MAX_FIELDS; i++) {
            field(a, "more_" + i, "BOOLEAN", false, null);
        }
        Api.Response limit = a.post("/api/cc/client-fields", Map.of("key", "one_too_many", "label", "x", "type", "TEXT"));
        assertThat(limit.status()).isEqualTo(409);
        assertThat(limit.code()).isEqualTo("client-field.limit");
        assertThat(a.get("/api/cc/client-fields").json()).hasSize(CrmConfiguration.MAX_FIELDS);
    }

    @Test
    void identifyReturnsEveryClientOfTheNumberOrAddressAndNoOtherTenants() {
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        String shared = Fixtures.e164();
        UUID father = created(a.post("/api/cc/clients", client("Ion", "Rusu", shared))).id();
        Map<String, Object> daughter = new LinkedHashMap<>(client("Ana", "Rusu", Fixtures.e164(), shared));
        daughter.put("emails", List.of(Map.of("address", "Ana.Rusu@Example.md")));
        UUID ana = created(a.post("/api/cc/clients", daughter)).id();
        created(a.post("/api/cc/clients", client("Other", "Person", Fixtures.e164())));
        UUID foreign = created(b.post("/api/cc/clients", client("Ion", "Rusu", shared))).id();

        String spaced = shared.substring(0, 3) + " " + shared.substring(3, 7) + " " + shared.substring(7);
        JsonNode found = a.get("/api/cc/clients/identify?phone=" + java.net.URLEncoder.encode(spaced,
                java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(found.valueStream().map(c -> c.path("id").asString()))
                .containsExactly(ana.toString(), father.toString());
        assertThat(a.get("/api/cc/clients/identify?email=ANA.rusu@example.MD").json().valueStream()
                .map(c -> c.path("id").asString())).containsExactly(ana.toString());
        assertThat(a.get("/api/cc/clients/identify?phone=%2B442079460999").json()).isEmpty();
        assertThat(b.get("/api/cc/clients/identify?phone=" + shared.replace("+", "%2B")).json().valueStream()
                .map(c -> c.path("id").asString())).containsExactly(foreign.toString());

        // the screen pop's facade, with numbers as signalling presents them (AGT-04)
        assertThat(directory.identify(a.tenant(), "00" + shared.substring(1))).extracting(ClientView::id)
                .containsExactly(ana, father);
        assertThat(directory.identify(a.tenant(), shared.substring(1))).hasSize(2);
        assertThat(directory.identify(b.tenant(), shared)).extracting(ClientView::id).containsExactly(foreign);
        assertThat(directory.identify(a.tenant(), " ana.rusu@EXAMPLE.md")).extracting(ClientView::id).containsExactly(ana);
        assertThat(directory.identify(a.tenant(), "anonymous")).isEmpty();
        assertThat(directory.identify(b.tenant(), "ana.rusu@example.md")).isEmpty();

        assertThat(a.get("/api/cc/clients/identify").code()).isEqualTo("client.identify-one");
        assertThat(a.get("/api/cc/clients/identify?phone=%2B1&email=a@b.md").code()).isEqualTo("client.identify-one");
        assertThat(errorFields(a.get("/api/cc/clients/identify?phone=abc"))).containsExactly("phone=number.invalid");
        assertThat(errorFields(a.get("/api/cc/clients/identify?email=nobody"))).containsExactly("email=email.invalid");
    }

    @Test
    void notesKeepEveryVersionWithAuthorAndTime() {
        Api a = Api.adminOfNewTenant(port);
        TestTokens.Person agent = TestTokens.person();
        Api asAgent = a.withToken(agent.member(a.tenant(), Set.of("clients.view", "clients.manage")).token());
        UUID client = created(a.post("/api/cc/clients", client("Maria", "Ceban"))).id();
        UUID call = io.linea.cc.Fixtures.interaction(a);

        Api.Response note = created(a.post("/api/cc/clients/" + client + "/notes",
                Map.of("text", "Asked about roaming", "interactionId", call.toString())));
        assertThat(note.json().path("interactionId").asString()).isEqualTo(call.toString());
        assertThat(note.json().path("version").asLong()).isZero();
        String path = "/api/cc/clients/" + client + "/notes/" + note.id();
        Api.Response edited = asAgent.put(path, Map.of("text", "Asked about roaming in Romania", "version", 0));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().path("updatedBy").asString()).isEqualTo(agent.id().toString());
        assertThat(edited.json().path("createdBy").asString()).isNotEqualTo(agent.id().toString());
        assertThat(a.put(path, Map.of("text", "Lost update", "version", 0)).code()).isEqualTo("resource.stale");
        assertThat(a.put(path, Map.of("text", "Roaming activated", "version", 1)).status()).isEqualTo(200);
        assertThat(a.put(path, Map.of("text", "Roaming activated", "version", 2)).json().path("version").asLong())
                .as("the same text is no new version").isEqualTo(2);

        JsonNode versions = a.get(path + "/versions").json();
        assertThat(versions.valueStream().map(v -> v.path("number").asInt())).containsExactly(3, 2, 1);
        assertThat(versions.valueStream().map(v -> v.path("text").asString())).containsExactly("Roaming activated",
                "Asked about roaming in Romania", "Asked about roaming");
        assertThat(versions.get(1).path("authorId").asString()).isEqualTo(agent.id().toString());
        assertThat(versions.get(2).path("writtenAt").asString()).isNotBlank();

        created(a.post("/api/cc/clients/" + client + "/notes", Map.of("text", "Second note")));
        assertThat(a.get("/api/cc/clients/" + client + "/notes").json().valueStream()
                .map(n -> n.path("text").asString())).containsExactly("Second note", "Roaming activated");

        // another tenant's call, another client's note: reported like missing ones
        UUID foreignCall = io.linea.cc.Fixtures.interaction(Api.adminOfNewTenant(port));
        assertThat(errorFields(a.post("/api/cc/clients/" + client + "/notes", Map.of("text", "x", "interactionId",
                foreignCall.toString())))).containsExactly("interactionId=client-note.interaction-missing");
        UUID other = created(a.post("/api/cc/clients", client("Ion", "Rusu"))).id();
        assertThat(a.get("/api/cc/clients/" + other + "/notes/" + note.id() + "/versions").status()).isEqualTo(404);
        assertThat(a.put("/api/cc/clients/" + other + "/notes/" + note.id(), Map.of("text", "x", "version", 2))
                .status()).isEqualTo(404);
        assertThat(errorFields(a.post("/api/cc/clients/" + client + "/notes", Map.of("text", " "))))
                .containsExactly("text=validation.not-blank");

        // CRM-03: note text is searchable
        assertThat(ids(a.get("/api/cc/clients?q=activated").json())).containsExactly(client.toString());
        assertThat(ids(a.get("/api/cc/clients?q=lost").json())).isEmpty();
    }

    @Test
    void historyListsTheTenantsCallsWithTheClientsNumbersNewestFirst() throws SQLException {
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        String home = Fixtures.e164();
        String mobile = Fixtures.e164();
        UUID client = created(a.post("/api/cc/clients", client("Maria", "Ceban", home, mobile))).id();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID oldest = call(a.tenant(), home, now.minus(3, ChronoUnit.DAYS));
        UUID newest = call(a.tenant(), mobile, now.minus(1, ChronoUnit.HOURS));
        UUID middle = call(a.tenant(), home, now.minus(1, ChronoUnit.DAYS));
        call(a.tenant(), Fixtures.e164(), now);
        call(b.tenant(), home, now);
        created(a.post("/api/cc/clients/" + client + "/notes", Map.of("text", "About the call", "interactionId",
                middle.toString())));

        JsonNode history = a.get("/api/cc/clients/" + client + "/interactions").json();
        assertThat(history.path("total").asLong()).isEqualTo(3);
        assertThat(ids(history)).containsExactly(newest.toString(), middle.toString(), oldest.toString());
        assertThat(history.path("items").get(1).path("notes").asInt()).isEqualTo(1);
        assertThat(history.path("items").get(0).path("talkSeconds").asDouble()).isEqualTo(110.0);
        JsonNode second = a.get("/api/cc/clients/" + client + "/interactions?page=1&size=1").json();
        assertThat(ids(second)).containsExactly(middle.toString());
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(a.get("/api/cc/clients/" + client + "/interactions?size=500").code()).isEqualTo("validation.failed");
    }

    @Test
    void searchIgnoresAccentsAndCaseFiltersByTagSortsPagesAndStaysInTheTenant() {
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        Map<String, Object> maria = new LinkedHashMap<>(client("Mária", "Čeňková", "+420 601 234 567"));
        maria.put("tags", List.of("VIP"));
        maria.put("emails", List.of(Map.of("address", "m.cenkova@posta.cz")));
        UUID m = created(a.post("/api/cc/clients", maria)).id();
        Map<String, Object> ion = new LinkedHashMap<>(client("Ion", "Rusu", "+37369123456"));
        ion.put("tags", List.of("vip", "debtor"));
        ion.put("organisation", "Énergie Moldova");
        ion.put("externalId", "ICIS-777");
        UUID i = created(a.post("/api/cc/clients", ion)).id();
        Map<String, Object> anna = new LinkedHashMap<>(client("Anna", "Abramova", "+79161234567"));
        anna.put("tags", List.of("new"));
        UUID an = created(a.post("/api/cc/clients", anna)).id();
        created(b.post("/api/cc/clients", maria));

        assertThat(ids(search(a, "maria cenkova"))).containsExactly(m.toString());
        assertThat(ids(search(a, "MÁRIA"))).containsExactly(m.toString());
        assertThat(ids(search(a, "cenk"))).as("prefix").containsExactly(m.toString());
        assertThat(ids(search(a, "energie"))).containsExactly(i.toString());
        assertThat(ids(search(a, "icis-777"))).containsExactly(i.toString());
        assertThat(ids(search(a, "posta.cz"))).containsExactly(m.toString());
        assertThat(ids(search(a, "debtor"))).containsExactly(i.toString());
        assertThat(ids(search(a, "601 234"))).as("part of a number").containsExactly(m.toString());
        assertThat(ids(search(a, "+37369123456"))).containsExactly(i.toString());
        assertThat(ids(search(a, "nobody"))).isEmpty();
        assertThat(ids(search(a, "'&|!:*()"))).as("operators are text, not syntax").isEmpty();

        assertThat(ids(a.get("/api/cc/clients?tag=VIP").json())).containsExactly(m.toString(), i.toString());
        assertThat(ids(a.get("/api/cc/clients?tag=vip&q=ion").json())).containsExactly(i.toString());
        assertThat(ids(a.get("/api/cc/clients?sort=name").json())).containsExactly(an.toString(), m.toString(),
                i.toString());
        assertThat(ids(a.get("/api/cc/clients?sort=name,desc").json())).containsExactly(i.toString(), m.toString(),
                an.toString());
        assertThat(ids(a.get("/api/cc/clients?sort=updatedAt,desc").json())).containsExactly(an.toString(),
                i.toString(), m.toString());
        assertThat(ids(a.get("/api/cc/clients?sort=updatedAt").json())).containsExactly(m.toString(), i.toString(),
                an.toString());
        JsonNode page = a.get("/api/cc/clients?sort=name&page=1&size=2").json();
        assertThat(ids(page)).containsExactly(i.toString());
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(a.get("/api/cc/clients?sort=phone").code()).isEqualTo("request.invalid-parameter");
        assertThat(a.get("/api/cc/clients?size=0").code()).isEqualTo("validation.failed");

        // TEN-01: B's identical Maria is never in A's results, nor A's in B's
        assertThat(search(a, "maria").path("total").asLong()).isEqualTo(1);
        assertThat(b.get("/api/cc/clients").json().path("total").asLong()).isEqualTo(1);
        assertThat(b.get("/api/cc/clients?q=ion").json().path("total").asLong()).isZero();
        assertThat(b.get("/api/cc/clients?tag=debtor").json().path("total").asLong()).isZero();
        assertThat(b.get("/api/cc/clients/identify?phone=%2B37369123456").json()).isEmpty();
    }

    /** CRM-03: the words searched follow every write of a card (kept by triggers), and matches sort by name. */
    @Test
    void searchFollowsEveryChangeOfTheCardAndSortsItsMatchesByName() {
        Api a = Api.adminOfNewTenant(port);
        String zoe = created(a.post("/api/cc/clients", client("Zoe", "Popescu", "+37360000001"))).id().toString();
        String ana = created(a.post("/api/cc/clients", client("Ana", "Popa", "+37360000002"))).id().toString();
        String dan = created(a.post("/api/cc/clients", client("Dan", "Popov", "+37360000003"))).id().toString();
        created(a.post("/api/cc/clients", client("Pavel", "Rusu", "+37360000004")));

        assertThat(ids(search(a, "pop"))).containsExactly(ana, zoe, dan);
        assertThat(ids(a.get("/api/cc/clients?q=pop&sort=name,desc").json())).containsExactly(dan, zoe, ana);
        JsonNode second = a.get("/api/cc/clients?q=pop&size=2&page=1").json();
        assertThat(ids(second)).containsExactly(dan);
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(a.get("/api/cc/clients?q=pop&size=2&page=5").json().path("total").asLong())
                .as("the total past the last page").isEqualTo(3);
        assertThat(ids(a.get("/api/cc/clients?q=pop&sort=updatedAt,desc").json())).containsExactly(dan, ana, zoe);
        assertThat(ids(search(a, "pop zo"))).as("every word must match").containsExactly(zoe);

        // renamed: found by the new name only, and sorted by it
        assertThat(ids(search(a, "000003"))).as("digits inside a number").containsExactly(dan);
        Map<String, Object> renamed = new LinkedHashMap<>(client("Dan", "Apostol", "+37360999003"));
        renamed.put("version", 0);
        assertThat(a.put("/api/cc/clients/" + dan, renamed).status()).isEqualTo(200);
        assertThat(ids(search(a, "popov"))).isEmpty();
        assertThat(ids(search(a, "000003"))).as("the old number's digits").isEmpty();
        assertThat(ids(search(a, "0999 003"))).as("the new number's digits").containsExactly(dan);
        assertThat(ids(search(a, "apost"))).containsExactly(dan);
        assertThat(ids(search(a, "dan"))).containsExactly(dan);
        // a note's words are the card's words
        assertThat(a.post("/api/cc/clients/" + zoe + "/notes", Map.of("text", "Prefers mornings")).status())
                .isEqualTo(201);
        assertThat(ids(search(a, "morning"))).containsExactly(zoe);
        // deleted: gone from the search
        assertThat(a.delete("/api/cc/clients/" + ana).status()).isEqualTo(204);
        assertThat(ids(search(a, "pop"))).containsExactly(zoe);
        assertThat(ids(search(a, "0000002"))).containsExactly();
    }

    /**
     * CRM-03: a query of several words finds the same cards whether its narrowest word drives (the other words
     * checked on the cards) or every word's range is intersected (all ranges wide, as in a tenant of millions).
     */
    @Test
    void severalWordsMatchTheSameWhetherTheNarrowestDrivesOrTheRangesIntersect() {
        Api a = Api.adminOfNewTenant(port);
        Map<String, Object> ion = new LinkedHashMap<>(client("Ion", "Rusu", "+37369123456"));
        ion.put("externalId", "EXT-0-12345");
        ion.put("organisation", "Énergie Moldova");
        String i = created(a.post("/api/cc/clients", ion)).id().toString();
        Map<String, Object> other = new LinkedHashMap<>(client("Ion", "Rusnac", "+37369123457"));
        other.put("externalId", "EXT-0-12346");
        String o = created(a.post("/api/cc/clients", other)).id().toString();
        created(a.post("/api/cc/clients", client("Ana", "Rusu", "+37369123458")));
        Map<String, List<String>> expected = Map.of("ion rus", List.of(o, i), "EXT-0-12345", List.of(i),
                "ext-0-1234", List.of(o, i), "ion energie", List.of(i), "rusu ion", List.of(i), "ion popa", List.of());
        for (Map.Entry<String, List<String>> query : expected.entrySet()) {
            for (int narrow : List.of(1, 10_000)) {
                List<String> found = TenantContext.callAs(a.tenant(), () -> directory.search(query.getKey(), null, 0,
                        20, ClientDirectory.Order.NAME_ASC, narrow).items().stream().map(c -> c.id().toString())
                        .toList());
                assertThat(found).as("%s, ranges narrower than %d drive", query.getKey(), narrow)
                        .containsExactlyElementsOf(query.getValue());
            }
        }
    }

    @Test
    void linkTemplateMustBeAnHttpAddressWithThePlaceholder() {
        Api a = Api.adminOfNewTenant(port);
        assertThat(a.get("/api/cc/crm-settings").json().path("linkTemplate").isNull()).isTrue();
        for (String bad : List.of("https://crm.example/clients", "ftp://crm.example/{externalId}",
                "/clients/{externalId}", "https:///{externalId}", "https://crm example/{externalId}")) {
            Api.Response response = a.put("/api/cc/crm-settings", Map.of("linkTemplate", bad, "version", 0));
            assertThat(errorFields(response)).as(bad).containsExactly("linkTemplate=crm.link-template-invalid");
            assertThat(response.json().path("errors").get(0).path("message").asString()).contains("{externalId}");
        }
        Api.Response set = a.put("/api/cc/crm-settings", Map.of("linkTemplate", " http://crm.local/c/{externalId} ",
                "version", 0));
        assertThat(set.json().path("linkTemplate").asString()).isEqualTo("http://crm.local/c/{externalId}");
        Api.Response again = a.put("/api/cc/crm-settings", Map.of("linkTemplate", "https://crm.local/{externalId}",
                "version", 0));
        assertThat(again.json().path("version").asLong()).isEqualTo(1);
        assertThat(a.put("/api/cc/crm-settings", Map.of("linkTemplate", "", "version", 0)).code())
                .isEqualTo("resource.stale");
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("linkTemplate", null);
        cleared.put("version", 1);
        assertThat(a.put("/api/cc/crm-settings", cleared).json().path("linkTemplate").isNull()).isTrue();
    }

    @Test
    void permissionsSeparateReadingWritingAndConfiguring() {
        Api a = Api.adminOfNewTenant(port);
        UUID client = created(a.post("/api/cc/clients", client("Maria", "Ceban"))).id();
        Api viewer = a.withToken(TestTokens.person().member(a.tenant(), Set.of("clients.view")).token());
        Api agent = a.withToken(TestTokens.person().member(a.tenant(), Set.of("clients.view", "clients.manage")).token());
        assertThat(viewer.get("/api/cc/clients/" + client).status()).isEqualTo(200);
        assertThat(viewer.get("/api/cc/client-fields").status()).isEqualTo(200);
        assertThat(viewer.post("/api/cc/clients", client("A", "B")).code()).isEqualTo("permission.denied");
        assertThat(viewer.post("/api/cc/clients/" + client + "/notes", Map.of("text", "x")).code())
                .isEqualTo("permission.denied");
        assertThat(agent.post("/api/cc/clients", client("A", "B")).status()).isEqualTo(201);
        assertThat(agent.post("/api/cc/client-fields", Map.of("key", "k", "label", "K", "type", "TEXT")).code())
                .isEqualTo("permission.denied");
        assertThat(agent.put("/api/cc/crm-settings", Map.of("linkTemplate", "https://x.example/{externalId}",
                "version", 0)).code()).isEqualTo("permission.denied");
    }

    @Test
    void personalDataRegistryNamesRealColumnsOfEveryClientTable() throws SQLException {
        List<PersonalDataRegistry.PersonalDataLocation> locations = personalData.locations();
        assertThat(locations).extracting(PersonalDataRegistry.PersonalDataLocation::table)
                .contains("client", "client_word", "client_phone", "client_phone_digits", "client_email", "client_note",
                        "client_note_version");
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement column = admin.prepareStatement(
                        "select count(*) from information_schema.columns where table_schema = 'cc' and table_name = ? and column_name = ?")) {
            for (PersonalDataRegistry.PersonalDataLocation location : locations) {
                for (String name : location.columns()) {
                    column.setString(1, location.table());
                    column.setString(2, name);
                    try (ResultSet rows = column.executeQuery()) {
                        rows.next();
                        assertThat(rows.getLong(1)).as("%s.%s", location.table(), name).isEqualTo(1);
                    }
                }
            }
        }
        assertThat(locations).filteredOn(l -> l.table().equals("client"))
                .flatExtracting(PersonalDataRegistry.PersonalDataLocation::columns).contains("custom", "last_name");
    }

    private static JsonNode search(Api api, String q) {
        Api.Response response = api.get("/api/cc/clients?q=" + java.net.URLEncoder.encode(q,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.status()).as(q + ": " + response).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        JsonNode items = page.has("items") ? page.path("items") : page;
        return items.valueStream().map(c -> c.path("id").asString()).toList();
    }

    private static void field(Api api, String key, String type, boolean required, List<String> options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("label", key);
        body.put("type", type);
        body.put("required", required);
        if (options != null) {
            body.put("options", options);
        }
        created(api.post("/api/cc/client-fields", body));
    }

    /** An ended inbound call of the tenant with {@code remote}, stored as the application role (calls have no create API). */
    private static UUID call(UUID tenant, String remote, Instant startedAt) throws SQLException {
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
                        started_at, answered_at, ended_at, ring_ms, talk_ms, end_reason)
                    values (?, ?, 'INBOUND', 'ENDED', '+18005550100', ?, ?, ?, ?, 10000, 110000, 'CALLER_HANGUP')""")) {
                insert.setObject(1, id);
                insert.setObject(2, tenant);
                insert.setString(3, remote);
                insert.setObject(4, java.sql.Timestamp.from(startedAt));
                insert.setObject(5, java.sql.Timestamp.from(startedAt.plusSeconds(10)));
                insert.setObject(6, java.sql.Timestamp.from(startedAt.plusSeconds(120)));
                insert.executeUpdate();
            }
            app.commit();
        }
        return id;
    }

    private static long rows(String table, UUID tenant, String number) throws SQLException {
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement count = admin.prepareStatement("select count(*) from cc." + table
                        + " where tenant_id = ?" + (number == null ? "" : " and number = ?"))) {
            count.setObject(1, tenant);
            if (number != null) {
                count.setString(2, number);
            }
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String storedCustom(UUID tenant, UUID client) throws SQLException {
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement select = admin.prepareStatement(
                        "select custom::text from cc.client where tenant_id = ? and id = ?")) {
            select.setObject(1, tenant);
            select.setObject(2, client);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
