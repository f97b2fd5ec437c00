package io.linea.cc.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.cc.shared.PersonalDataRegistry;
import io.linea.platform.security.Roles;
import io.linea.platform.testing.EmbeddedDatabase;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.testing.TestTokens;

/**
 * Intake forms: the designer with every field type (CRM-02), seed 003's hotline form filled for a call,
 * values checked like the client card's with problems per field in the caller's language, edits kept as
 * versions, agents seeing their own answers and supervisors all, fields hidden by role, and answers that
 * stay readable when the form changes (CRM-06), personal data registered (SEC-04).
 */
@LineaIntegrationTest
class IntakeFormIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PersonalDataRegistry personalData;

    /** A tenant with its admin, two agents and a supervisor, each a person of their own. */
    private record Team(Api admin, Api agent, UUID agentId, Api otherAgent, UUID otherAgentId, Api supervisor,
            UUID supervisorId) {
    }

    private Team team() {
        Api admin = Api.adminOfNewTenant(port);
        TestTokens.Person agent = TestTokens.person().member(admin.tenant(), Roles.AGENT);
        TestTokens.Person other = TestTokens.person().member(admin.tenant(), Roles.AGENT);
        TestTokens.Person supervisor = TestTokens.person().member(admin.tenant(), Roles.SUPERVISOR);
        return new Team(admin, admin.withToken(agent.token()), agent.id(), admin.withToken(other.token()), other.id(),
                admin.withToken(supervisor.token()), supervisor.id());
    }

    private static Map<String, Object> field(String key, String label, String type, boolean required,
            List<String> options, List<String> visibleTo) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("key", key);
        field.put("label", label);
        field.put("type", type);
        field.put("required", required);
        if (options != null) {
            field.put("options", options);
        }
        if (visibleTo != null) {
            field.put("visibleTo", visibleTo);
        }
        return field;
    }

    private static Map<String, Object> form(String name, List<Map<String, Object>> fields) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("fields", fields);
        return form;
    }

    /** Seed 003: the hotline's intake of age, sex, region, settlement type and topic of the call. */
    private static Map<String, Object> hotlineForm() {
        Map<String, Object> form = form("Hotline intake", List.of(
                field("age", "Age", "NUMBER", true, null, null),
                field("sex", "Sex", "SELECT", true, List.of("female", "male", "other"), null),
                field("region", "Region", "SELECT", false, List.of("Dnipropetrovsk", "Zaporizhzhia", "other"), null),
                field("settlement_type", "Settlement type", "SELECT", false, List.of("city", "town", "village"), null),
                field("topic", "Topic", "MULTI_SELECT", true,
                        List.of("contraception", "pregnancy", "STI", "HIV", "violence", "other"), null)));
        form.put("description", "Sexual and reproductive health hotline");
        return form;
    }

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

    private static Api.Response fill(Api api, UUID interaction, UUID form, UUID client, Map<String, Object> values) {
        Map<String, Object> body = new HashMap<>();
        body.put("formId", form.toString());
        if (client != null) {
            body.put("clientId", client.toString());
        }
        body.put("values", values);
        return api.post("/api/cc/interactions/" + interaction + "/forms", body);
    }

    /** The answer's fields by key. */
    private static Map<String, JsonNode> fields(JsonNode answer) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        answer.path("fields").forEach(f -> byKey.put(f.path("key").asString(), f));
        return byKey;
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(a -> a.path("id").asString()).toList();
    }

    @Test
    void designerRoundTripWithEveryFieldType() {
        Team team = team();
        Api admin = team.admin();
        Map<String, Object> body = form("Every type", List.of(
                field("note", "Note", "TEXT", false, null, null),
                field("age", "Age", "NUMBER", true, null, null),
                field("born", "Born", "DATE", false, null, null),
                field("sex", "Sex", "SELECT", false, List.of(" female ", "male"), null),
                field("topics", "Topics", "MULTI_SELECT", false, List.of("billing", "tv"), null),
                field("consent", "Consent", "BOOLEAN", true, null, List.of("supervisor", "tenant-admin")),
                field("mobile", "Mobile", "PHONE", false, null, null),
                field("email", "E-mail", "EMAIL", false, null, null)));
        body.put("description", "All eight types");
        Api.Response created = created(admin.post("/api/cc/forms", body));
        JsonNode form = created.json();
        assertThat(form.propertyNames()).containsExactlyInAnyOrder("id", "name", "description", "active", "fields",
                "version");
        assertThat(form.path("active").asBoolean()).isTrue();
        assertThat(form.path("version").asLong()).isZero();
        assertThat(form.path("fields").valueStream().map(f -> f.path("type").asString())).containsExactly("TEXT",
                "NUMBER", "DATE", "SELECT", "MULTI_SELECT", "BOOLEAN", "PHONE", "EMAIL");
        JsonNode sex = form.path("fields").get(3);
        assertThat(sex.propertyNames()).containsExactlyInAnyOrder("key", "label", "type", "required", "options",
                "position", "visibleTo");
        assertThat(sex.path("options").valueStream().map(JsonNode::asString)).containsExactly("female", "male");
        assertThat(sex.path("position").asInt()).isEqualTo(3);
        assertThat(form.path("fields").get(5).path("visibleTo").valueStream().map(JsonNode::asString))
                .containsExactly("supervisor", "tenant-admin");
        assertThat(ok(admin.get("/api/cc/forms/" + created.id())).json()).isEqualTo(form);
        // agents read forms to fill them, but cannot design them (CRM-02)
        assertThat(ok(team.agent().get("/api/cc/forms")).json()).contains(form);
        assertThat(team.agent().post("/api/cc/forms", body).code()).isEqualTo("permission.denied");
        assertThat(team.supervisor().put("/api/cc/forms/" + created.id(), body).code()).isEqualTo("permission.denied");

        // positions reorder; a field without one keeps its place in the list
        Map<String, Object> changed = form("Every type, v2", List.of(
                Map.of("key", "email", "label", "E-mail", "type", "EMAIL", "position", 0),
                field("note", "Note", "TEXT", false, null, null)));
        changed.put("active", false);
        changed.put("version", 0);
        JsonNode saved = ok(admin.put("/api/cc/forms/" + created.id(), changed)).json();
        assertThat(saved.path("version").asLong()).isEqualTo(1);
        assertThat(saved.path("active").asBoolean()).isFalse();
        assertThat(saved.path("description").isNull()).isTrue();
        assertThat(saved.path("fields").valueStream().map(f -> f.path("key").asString())).containsExactly("email",
                "note");
        assertThat(admin.put("/api/cc/forms/" + created.id(), changed).code()).isEqualTo("resource.stale");
        assertThat(ok(admin.get("/api/cc/forms?active=true")).json().valueStream()
                .map(f -> f.path("id").asString())).doesNotContain(created.id().toString());
        assertThat(ok(admin.get("/api/cc/forms?active=false")).json().valueStream()
                .map(f -> f.path("id").asString())).contains(created.id().toString());

        // definitions: keys unique in the form, options only and always on choices, roles that exist
        Api.Response bad = admin.post("/api/cc/forms", form("Broken", List.of(
                field("a", "A", "TEXT", false, null, null),
                field("a", "A again", "NUMBER", false, null, null),
                field("b", "B", "SELECT", false, null, null),
                field("c", "C", "TEXT", false, List.of("x"), null),
                field("d", "D", "MULTI_SELECT", false, List.of("x", "x"), null),
                field("e", "E", "TEXT", false, null, List.of("agent", "janitor")))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("fields[1].key=form.field-key-duplicate",
                "fields[2].options=form.field-options-required", "fields[3].options=form.field-options-unexpected",
                "fields[4].options=form.field-option-duplicate", "fields[5].visibleTo=form.field-role-unknown");
        assertThat(errorFields(admin.post("/api/cc/forms", form("No fields", List.of()))))
                .containsExactly("fields=validation.size");
        assertThat(errorFields(admin.post("/api/cc/forms", form("Bad key", List.of(field("Age!", "Age", "NUMBER",
                false, null, null)))))).containsExactly("fields[0].key=validation.pattern");
        assertThat(admin.post("/api/cc/forms", form("Bad type", List.of(field("x", "X", "COLOUR", false, null,
                null)))).code()).isEqualTo("request.invalid-enum");
        Api.Response taken = admin.inLanguage("ro").post("/api/cc/forms", form("Every type, v2", List.of(
                field("x", "X", "TEXT", false, null, null))));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("form.name-taken");
        assertThat(taken.json().path("detail").asString()).isEqualTo("Există deja un formular cu acest nume.");
        // names are unique per tenant, not platform-wide
        created(Api.adminOfNewTenant(port).post("/api/cc/forms", form("Every type, v2", List.of(
                field("x", "X", "TEXT", false, null, null)))));

        assertThat(admin.delete("/api/cc/forms/" + created.id()).status()).isEqualTo(204);
        assertThat(admin.get("/api/cc/forms/" + created.id()).code()).isEqualTo("resource.not-found");
    }

    @Test
    void seedHotlineFormIsFilledForACall() throws SQLException {
        Team team = team();
        UUID form = created(team.admin().post("/api/cc/forms", hotlineForm())).id();
        UUID call = Fixtures.interaction(team.admin());
        UUID client = created(team.agent().post("/api/cc/clients", Map.of("lastName", "Caller",
                "phones", List.of(Map.of("number", "+447700900001"))))).id();
        Instant before = Instant.now().minusSeconds(1);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("age", 23);
        values.put("sex", "female");
        values.put("region", "Zaporizhzhia");
        values.put("settlement_type", "village");
        values.put("topic", List.of("contraception", "STI", "contraception"));
        Api.Response filled = created(fill(team.agent(), call, form, client, values));
        JsonNode answer = filled.json();
        assertThat(answer.propertyNames()).containsExactlyInAnyOrder("id", "formId", "formName", "formVersion",
                "interactionId", "clientId", "fields", "createdAt", "createdBy", "createdByName", "updatedAt",
                "updatedBy", "updatedByName", "version");
        assertThat(answer.path("formName").asString()).isEqualTo("Hotline intake");
        assertThat(answer.path("formVersion").asLong()).isZero();
        assertThat(answer.path("interactionId").asString()).isEqualTo(call.toString());
        assertThat(answer.path("clientId").asString()).isEqualTo(client.toString());
        assertThat(answer.path("createdBy").asString()).isEqualTo(team.agentId().toString());
        assertThat(Instant.parse(answer.path("createdAt").asString())).isAfter(before);
        Map<String, JsonNode> fields = fields(answer);
        assertThat(fields.keySet()).containsExactly("age", "sex", "region", "settlement_type", "topic");
        assertThat(fields.get("age").path("value").asInt()).isEqualTo(23);
        assertThat(fields.get("sex").path("value").asString()).isEqualTo("female");
        assertThat(fields.get("sex").path("options").valueStream().map(JsonNode::asString))
                .containsExactly("female", "male", "other");
        assertThat(fields.get("region").path("value").asString()).isEqualTo("Zaporizhzhia");
        assertThat(fields.get("settlement_type").path("value").asString()).isEqualTo("village");
        assertThat(fields.get("topic").path("value").valueStream().map(JsonNode::asString))
                .containsExactly("contraception", "STI");
        assertThat(fields.values()).allSatisfy(f -> assertThat(f.path("hidden").asBoolean()).isFalse());
        assertThat(ok(team.agent().get("/api/cc/form-answers/" + filled.id())).json()).isEqualTo(answer);

        // a second call of the same caller; the lists filter by call, client and form
        UUID secondCall = Fixtures.interaction(team.admin());
        values.put("topic", List.of("pregnancy"));
        UUID second = created(fill(team.agent(), secondCall, form, null, values)).id();
        assertThat(ids(ok(team.agent().get("/api/cc/form-answers?interactionId=" + call)).json()))
                .containsExactly(filled.id().toString());
        assertThat(ids(ok(team.agent().get("/api/cc/form-answers?clientId=" + client)).json()))
                .containsExactly(filled.id().toString());
        JsonNode byForm = ok(team.agent().get("/api/cc/form-answers?formId=" + form + "&size=1")).json();
        assertThat(byForm.path("total").asLong()).isEqualTo(2);
        assertThat(ids(byForm)).containsExactly(second.toString());
        assertThat(storedValues(team.admin().tenant(), filled.id())).contains("\"Zaporizhzhia\"");
    }

    @Test
    void badValuesAreFieldProblemsInTheCallersLanguageAndSaveNothing() throws SQLException {
        Team team = team();
        Map<String, Object> body = form("Checks", List.of(
                field("age", "Age", "NUMBER", true, null, null),
                field("sex", "Sex", "SELECT", true, List.of("female", "male", "other"), null),
                field("topic", "Topic", "MULTI_SELECT", false, List.of("HIV", "STI"), null),
                field("visit", "Visit", "DATE", false, null, null),
                field("consent", "Consent", "BOOLEAN", false, null, null),
                field("mobile", "Mobile", "PHONE", false, null, null),
                field("email", "E-mail", "EMAIL", false, null, null),
                field("note", "Note", "TEXT", false, null, null)));
        UUID form = created(team.admin().post("/api/cc/forms", body)).id();
        UUID call = Fixtures.interaction(team.admin());
        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("sex", "unknown");
        wrong.put("topic", List.of("HIV", "flu"));
        wrong.put("visit", "05.04.2026");
        wrong.put("consent", "yes");
        wrong.put("mobile", "0800 CALL ME");
        wrong.put("email", "someone at example");
        wrong.put("note", 12);
        wrong.put("shoe_size", 44);
        Api.Response refused = fill(team.agent().inLanguage("uk"), call, form, null, wrong);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation.failed");
        assertThat(errorFields(refused)).containsExactlyInAnyOrder("values.age=form.value-required",
                "values.sex=form.value-option", "values.topic=form.value-option", "values.visit=form.value-date",
                "values.consent=form.value-type", "values.mobile=number.invalid", "values.email=email.invalid",
                "values.note=form.value-type", "values.shoe_size=form.value-unknown");
        Map<String, String> messages = new HashMap<>();
        refused.json().path("errors").forEach(e -> messages.put(e.path("field").asString(), e.path("message").asString()));
        assertThat(messages.get("values.age")).isEqualTo("Обовʼязково: Age.");
        assertThat(messages.get("values.sex")).isEqualTo("Немає серед варіантів: unknown. Варіанти: female, male, other.");
        assertThat(fill(team.agent().inLanguage("ro"), call, form, null, wrong).json().path("errors").valueStream()
                .filter(e -> e.path("field").asString().equals("values.shoe_size")).findFirst().orElseThrow()
                .path("message").asString()).isEqualTo("Acest formular nu are câmpul shoe_size.");
        assertThat(errorFields(fill(team.agent(), call, form, null, Map.of("age", 30, "sex", "male",
                "note", "x".repeat(1001))))).containsExactly("values.note=form.value-too-long");

        // what the answer refers to: a form and a client of the tenant, a call of the tenant
        Map<String, Object> good = Map.of("age", 30, "sex", "male");
        assertThat(errorFields(fill(team.agent(), call, UUID.randomUUID(), null, good)))
                .containsExactly("formId=form-answer.form-missing");
        Api other = Api.adminOfNewTenant(port);
        UUID foreignForm = created(other.post("/api/cc/forms", body)).id();
        assertThat(errorFields(fill(team.agent(), call, foreignForm, null, good)))
                .containsExactly("formId=form-answer.form-missing");
        UUID foreignClient = created(other.post("/api/cc/clients", Map.of("lastName", "Foreign"))).id();
        assertThat(errorFields(fill(team.agent(), call, form, foreignClient, good)))
                .containsExactly("clientId=form-answer.client-missing");
        Api.Response foreignCall = fill(team.agent(), Fixtures.interaction(other), form, null, good);
        assertThat(foreignCall.status()).isEqualTo(404);
        assertThat(foreignCall.code()).isEqualTo("resource.not-found");
        assertThat(errorFields(team.agent().post("/api/cc/interactions/" + call + "/forms", Map.of("values", good))))
                .containsExactly("formId=validation.not-null");
        assertThat(team.agent().post("/api/cc/interactions/" + call + "/forms", Map.of("formId", form.toString(),
                "values", List.of(1, 2))).status()).isEqualTo(400);
        assertThat(team.agent().get("/api/cc/form-answers/not-a-uuid").code()).isEqualTo("request.invalid-parameter");
        assertThat(answerRows(team.admin().tenant())).as("refused fillings save nothing").isZero();
        created(fill(team.agent(), call, form, null, good));
        assertThat(answerRows(team.admin().tenant())).as("the answer and its first version").isEqualTo(2);
    }

    @Test
    void editKeepsEveryEarlierVersionWithAuthorAndTime() {
        Team team = team();
        UUID form = created(team.admin().post("/api/cc/forms", hotlineForm())).id();
        UUID call = Fixtures.interaction(team.admin());
        Api.Response filled = created(fill(team.agent(), call, form, null, Map.of("age", 23, "sex", "female",
                "topic", List.of("HIV"))));
        String path = "/api/cc/form-answers/" + filled.id();

        // the supervisor corrects the agent's answer after the call
        Map<String, Object> correction = Map.of("values", Map.of("age", 32, "sex", "female", "topic", List.of("HIV"),
                "region", "Dnipropetrovsk"), "version", 0);
        JsonNode edited = ok(team.supervisor().put(path, correction)).json();
        assertThat(edited.path("version").asLong()).isEqualTo(1);
        assertThat(fields(edited).get("age").path("value").asInt()).isEqualTo(32);
        assertThat(edited.path("createdBy").asString()).isEqualTo(team.agentId().toString());
        assertThat(edited.path("updatedBy").asString()).isEqualTo(team.supervisorId().toString());
        assertThat(team.supervisor().put(path, correction).code()).isEqualTo("resource.stale");
        assertThat(errorFields(team.supervisor().put(path, Map.of("values", Map.of("age", 32), "version", 1))))
                .containsExactlyInAnyOrder("values.sex=form.value-required", "values.topic=form.value-required");
        assertThat(errorFields(team.supervisor().put(path, Map.of("values", Map.of("age", 32)))))
                .containsExactly("version=validation.not-null");

        // the same values again are no new version
        Map<String, Object> same = new HashMap<>(correction);
        same.put("version", 1);
        assertThat(ok(team.supervisor().put(path, same)).json().path("version").asLong()).isEqualTo(1);

        JsonNode versions = ok(team.agent().get(path + "/versions")).json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).propertyNames()).containsExactlyInAnyOrder("number", "fields", "authorId",
                "authorName", "writtenAt");
        assertThat(versions.get(0).path("number").asInt()).isEqualTo(2);
        assertThat(versions.get(0).path("authorId").asString()).isEqualTo(team.supervisorId().toString());
        assertThat(fields(versions.get(0)).get("region").path("value").asString()).isEqualTo("Dnipropetrovsk");
        assertThat(versions.get(1).path("number").asInt()).isEqualTo(1);
        assertThat(versions.get(1).path("authorId").asString()).isEqualTo(team.agentId().toString());
        assertThat(versions.get(1).path("authorName").asString()).isNotBlank();
        assertThat(fields(versions.get(1)).get("age").path("value").asInt()).isEqualTo(23);
        assertThat(fields(versions.get(1)).get("region").has("value")).isFalse();
        assertThat(Instant.parse(versions.get(0).path("writtenAt").asString()))
                .isAfterOrEqualTo(Instant.parse(versions.get(1).path("writtenAt").asString()));
    }

    @Test
    void agentsSeeOnlyTheAnswersTheyFilledSupervisorsSeeAll() {
        Team team = team();
        UUID form = created(team.admin().post("/api/cc/forms", hotlineForm())).id();
        UUID call = Fixtures.interaction(team.admin());
        Map<String, Object> values = Map.of("age", 40, "sex", "male", "topic", List.of("other"));
        UUID mine = created(fill(team.agent(), call, form, null, values)).id();
        UUID theirs = created(fill(team.otherAgent(), call, form, null, values)).id();

        assertThat(ids(ok(team.agent().get("/api/cc/form-answers")).json())).containsExactly(mine.toString());
        assertThat(ids(ok(team.agent().get("/api/cc/form-answers?interactionId=" + call)).json()))
                .containsExactly(mine.toString());
        assertThat(ids(ok(team.otherAgent().get("/api/cc/form-answers")).json())).containsExactly(theirs.toString());
        for (String path : List.of("/api/cc/form-answers/" + theirs, "/api/cc/form-answers/" + theirs + "/versions")) {
            Api.Response refused = team.agent().get(path);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("resource.not-found");
        }
        assertThat(team.agent().put("/api/cc/form-answers/" + theirs, Map.of("values", values, "version", 0)).status())
                .isEqualTo(404);

        assertThat(ids(ok(team.supervisor().get("/api/cc/form-answers?interactionId=" + call)).json()))
                .containsExactlyInAnyOrder(mine.toString(), theirs.toString());
        assertThat(ok(team.supervisor().get("/api/cc/form-answers/" + theirs)).json().path("id").asString())
                .isEqualTo(theirs.toString());
        assertThat(ids(ok(team.admin().get("/api/cc/form-answers")).json())).hasSize(2);
        UUID supervisors = created(fill(team.supervisor(), call, form, null, values)).id();
        assertThat(ids(ok(team.supervisor().get("/api/cc/form-answers?mine=true")).json()))
                .containsExactly(supervisors.toString());
        // reading needs clients.view, filling clients.manage
        Api viewer = team.admin().withToken(TestTokens.person().member(team.admin().tenant(),
                java.util.Set.of("clients.view")).token());
        assertThat(ok(viewer.get("/api/cc/form-answers")).json().path("total").asLong()).isZero();
        assertThat(fill(viewer, call, form, null, values).code()).isEqualTo("permission.denied");
    }

    @Test
    void fieldVisibleOnlyToSupervisorsIsHiddenFromAgents() {
        Team team = team();
        Map<String, Object> body = form("Sensitive", List.of(
                field("topic", "Topic", "SELECT", true, List.of("HIV", "STI", "other"), null),
                field("status", "HIV status", "SELECT", false, List.of("positive", "negative", "unknown"),
                        List.of("supervisor"))));
        UUID form = created(team.admin().post("/api/cc/forms", body)).id();
        UUID call = Fixtures.interaction(team.admin());
        // the agent records the answer during the call, and from then on cannot read it back (CRM-06)
        Api.Response filled = created(fill(team.agent(), call, form, null, Map.of("topic", "HIV", "status", "positive")));
        JsonNode hidden = fields(filled.json()).get("status");
        assertThat(hidden.path("hidden").asBoolean()).isTrue();
        assertThat(hidden.has("value")).isFalse();
        assertThat(hidden.path("label").asString()).isEqualTo("HIV status");
        assertThat(fields(filled.json()).get("topic").path("value").asString()).isEqualTo("HIV");
        String path = "/api/cc/form-answers/" + filled.id();
        assertThat(fields(ok(team.agent().get(path)).json()).get("status").has("value")).isFalse();
        JsonNode listed = ok(team.agent().get("/api/cc/form-answers?interactionId=" + call)).json().path("items").get(0);
        assertThat(fields(listed).get("status").path("hidden").asBoolean()).isTrue();
        assertThat(fields(listed).get("status").has("value")).isFalse();
        assertThat(fields(ok(team.agent().get(path + "/versions")).json().get(0)).get("status").has("value")).isFalse();

        JsonNode supervisorView = fields(ok(team.supervisor().get(path)).json()).get("status");
        assertThat(supervisorView.path("hidden").asBoolean()).isFalse();
        assertThat(supervisorView.path("value").asString()).isEqualTo("positive");
        // a tenant admin is not among the roles named either
        assertThat(fields(ok(team.admin().get(path)).json()).get("status").path("hidden").asBoolean()).isTrue();

        // the agent edits what they see; the hidden value stays, and cannot be changed blind
        Api.Response blind = team.agent().put(path, Map.of("values", Map.of("topic", "STI", "status", "negative"),
                "version", 0));
        assertThat(errorFields(blind)).containsExactly("values.status=form.value-hidden");
        Map<String, Object> visibleOnly = new HashMap<>();
        visibleOnly.put("topic", "STI");
        visibleOnly.put("status", null);
        JsonNode edited = ok(team.agent().put(path, Map.of("values", visibleOnly, "version", 0))).json();
        assertThat(fields(edited).get("topic").path("value").asString()).isEqualTo("STI");
        assertThat(fields(edited).get("status").has("value")).isFalse();
        assertThat(fields(ok(team.supervisor().get(path)).json()).get("status").path("value").asString())
                .isEqualTo("positive");
    }

    @Test
    void answersStayReadableAfterTheFormChanges() {
        Team team = team();
        Api.Response created = created(team.admin().post("/api/cc/forms", hotlineForm()));
        UUID form = created.id();
        UUID call = Fixtures.interaction(team.admin());
        Api.Response old = created(fill(team.agent(), call, form, null, Map.of("age", 23, "sex", "other",
                "settlement_type", "town", "topic", List.of("violence"))));
        JsonNode before = ok(team.agent().get("/api/cc/form-answers/" + old.id())).json();

        // version 1: "other" is no longer a sex option, settlement type is gone, age relabelled, a new required field
        Map<String, Object> changed = form("Hotline intake 2027", List.of(
                field("age", "Age in years", "TEXT", true, null, null),
                field("sex", "Sex", "SELECT", true, List.of("female", "male"), null),
                field("topic", "Topic", "MULTI_SELECT", true, List.of("violence", "other"), null),
                field("referred", "Referred to a clinic", "BOOLEAN", true, null, null)));
        changed.put("version", 0);
        assertThat(ok(team.admin().put("/api/cc/forms/" + form, changed)).json().path("version").asLong()).isEqualTo(1);

        JsonNode after = ok(team.agent().get("/api/cc/form-answers/" + old.id())).json();
        assertThat(after).isEqualTo(before);
        assertThat(after.path("formVersion").asLong()).isZero();
        assertThat(after.path("formName").asString()).isEqualTo("Hotline intake");
        assertThat(fields(after).get("age").path("label").asString()).isEqualTo("Age");
        assertThat(fields(after).get("sex").path("value").asString()).isEqualTo("other");
        assertThat(fields(after).get("settlement_type").path("value").asString()).isEqualTo("town");
        assertThat(fields(after)).doesNotContainKey("referred");

        // an old answer is edited with its own version's fields; a new one is filled on the new version
        JsonNode edited = ok(team.agent().put("/api/cc/form-answers/" + old.id(), Map.of("values", Map.of("age", 24,
                "sex", "other", "topic", List.of("violence")), "version", 0))).json();
        assertThat(edited.path("formVersion").asLong()).isZero();
        assertThat(fields(edited).get("age").path("value").asInt()).isEqualTo(24);
        assertThat(errorFields(fill(team.agent(), call, form, null, Map.of("age", "24", "sex", "other",
                "topic", List.of("other"))))).containsExactlyInAnyOrder("values.sex=form.value-option",
                        "values.referred=form.value-required");
        JsonNode fresh = created(fill(team.agent(), call, form, null, Map.of("age", "24", "sex", "male",
                "topic", List.of("other"), "referred", true))).json();
        assertThat(fresh.path("formVersion").asLong()).isEqualTo(1);
        assertThat(fresh.path("formName").asString()).isEqualTo("Hotline intake 2027");

        // a form with answers is deactivated, not deleted; its answers stay readable
        Api.Response delete = team.admin().delete("/api/cc/forms/" + form);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.code()).isEqualTo("form.has-answers");
        Map<String, Object> inactive = new HashMap<>(changed);
        inactive.put("active", false);
        inactive.put("version", 1);
        ok(team.admin().put("/api/cc/forms/" + form, inactive));
        assertThat(errorFields(fill(team.agent(), call, form, null, Map.of()))).containsExactly(
                "formId=form-answer.form-inactive");
        assertThat(ok(team.agent().get("/api/cc/form-answers/" + old.id())).json().path("formName").asString())
                .isEqualTo("Hotline intake");
    }

    @Test
    void personalDataIsRegisteredAndGoesWithTheClientCard() throws SQLException {
        List<PersonalDataRegistry.PersonalDataLocation> locations = personalData.locations().stream()
                .filter(l -> l.owner().equals("form")).toList();
        assertThat(locations).extracting(PersonalDataRegistry.PersonalDataLocation::table).contains("form_answer",
                "form_answer_version", "interaction_category_change", "intake_form_version");
        assertThat(locations).filteredOn(l -> l.subject() == PersonalDataRegistry.Subject.CUSTOMER)
                .flatExtracting(PersonalDataRegistry.PersonalDataLocation::columns).contains("field_values", "note");
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement column = admin.prepareStatement("select count(*) from information_schema.columns"
                        + " where table_schema = 'cc' and table_name = ? and column_name = ?")) {
            for (PersonalDataRegistry.PersonalDataLocation location : locations) {
                for (String name : location.columns()) {
                    column.setString(1, location.table());
                    column.setString(2, name);
                    try (ResultSet rows = column.executeQuery()) {
                        rows.next();
                        assertThat(rows.getLong(1)).as("%s.%s", location.table(), name).isEqualTo(1);
                    }
                }
                // every predicate is valid SQL over the table
                try (PreparedStatement probe = admin.prepareStatement("select count(*) from cc." + location.table()
                        + " where " + location.findBy().replace(":clientId", "null::uuid").replace(":e164", "''")
                                .replace(":personId", "null::uuid"))) {
                    probe.executeQuery().close();
                }
            }
        }

        // SEC-04: erasing the client card erases the answers about the client
        Team team = team();
        UUID form = created(team.admin().post("/api/cc/forms", hotlineForm())).id();
        UUID client = created(team.admin().post("/api/cc/clients", Map.of("lastName", "Erased"))).id();
        UUID answer = created(fill(team.agent(), Fixtures.interaction(team.admin()), form, client,
                Map.of("age", 19, "sex", "female", "topic", List.of("pregnancy")))).id();
        assertThat(team.admin().delete("/api/cc/clients/" + client).status()).isEqualTo(204);
        assertThat(team.admin().get("/api/cc/form-answers/" + answer).status()).isEqualTo(404);
        assertThat(answerRows(team.admin().tenant())).isZero();
    }

    private static long answerRows(UUID tenant) throws SQLException {
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement count = admin.prepareStatement("select (select count(*) from cc.form_answer where"
                        + " tenant_id = ?) + (select count(*) from cc.form_answer_version where tenant_id = ?)")) {
            count.setObject(1, tenant);
            count.setObject(2, tenant);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String storedValues(UUID tenant, UUID answer) throws SQLException {
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement select = admin.prepareStatement(
                        "select field_values::text from cc.form_answer where tenant_id = ? and id = ?")) {
            select.setObject(1, tenant);
            select.setObject(2, answer);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }
}
