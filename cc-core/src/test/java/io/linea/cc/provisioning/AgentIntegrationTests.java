package io.linea.cc.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.platform.security.Roles;
import io.linea.platform.testing.EmbeddedDatabase;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.testing.TestTokens;

/** A tenant admin's agents, how they are reached and their SIP credentials (TEL-04). */
@LineaIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AgentIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void agentRoundTrip() {
        Api a = Api.adminOfNewTenant(port);
        UUID user = UUID.randomUUID();
        Api.Response created = a.post("/api/cc/agents", Map.of("displayName", " Maria ", "userId", user.toString(),
                "reach", "MOBILE", "mobileE164", "+44 7700 900123", "available", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode agent = created.json();
        assertThat(agent.propertyNames()).containsExactlyInAnyOrder("id", "displayName", "userId", "reach",
                "mobileE164", "available", "sipUsername", "hasCredentials", "capacity", "version");
        assertThat(agent.path("displayName").asString()).isEqualTo("Maria");
        assertThat(agent.path("userId").asString()).isEqualTo(user.toString());
        assertThat(agent.path("mobileE164").asString()).isEqualTo("+447700900123");
        assertThat(agent.path("sipUsername").isNull()).isTrue();
        assertThat(agent.path("hasCredentials").asBoolean()).isFalse();

        Api.Response changed = a.put("/api/cc/agents/" + created.id(), Map.of("displayName", "Maria C",
                "reach", "ENDPOINT", "available", false, "version", 0));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("userId").isNull()).isTrue();
        assertThat(changed.json().path("mobileE164").isNull()).isTrue();
        assertThat(changed.json().path("version").asLong()).isEqualTo(1);
        assertThat(a.put("/api/cc/agents/" + created.id(), Map.of("displayName", "Maria C", "reach", "ENDPOINT",
                "available", true, "version", 0)).code()).isEqualTo("resource.stale");

        // capacity (ACD-05, ACD-11): defaults first; a change without it keeps what was set
        assertThat(agent.path("capacity").path("voice").asInt()).isEqualTo(1);
        assertThat(agent.path("capacity").path("chat").asInt()).isEqualTo(3);
        Api.Response chatOnly = a.put("/api/cc/agents/" + created.id(), Map.of("displayName", "Maria C", "reach",
                "ENDPOINT", "available", true, "capacity", Map.of("voice", 0, "chat", 7, "blended", true), "version", 1));
        assertThat(chatOnly.json().path("capacity").path("voice").asInt()).as(chatOnly.toString()).isZero();
        Api.Response renamed = a.put("/api/cc/agents/" + created.id(), Map.of("displayName", "Maria Ceban", "reach",
                "ENDPOINT", "available", true, "version", 2));
        assertThat(renamed.json().path("capacity").path("chat").asInt()).isEqualTo(7);
        assertThat(renamed.json().path("capacity").path("blended").asBoolean()).isTrue();
        assertThat(a.put("/api/cc/agents/" + created.id(), Map.of("displayName", "Maria Ceban", "reach", "ENDPOINT",
                "available", true, "capacity", Map.of("voice", 2), "version", 3)).code())
                .isEqualTo("validation.failed");

        a.post("/api/cc/agents", Fixtures.agent("Anna"));
        JsonNode page = a.get("/api/cc/agents?size=1").json();
        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("displayName").asString()).isEqualTo("Anna");

        assertThat(a.delete("/api/cc/agents/" + created.id()).status()).isEqualTo(204);
        assertThat(a.get("/api/cc/agents/" + created.id()).code()).isEqualTo("resource.not-found");
    }

    @Test
    void agentValidationAndUniqueness() {
        Api a = Api.adminOfNewTenant(port);
        Api.Response noMobile = a.inLanguage("kk").post("/api/cc/agents", Map.of("displayName", "Mobile only",
                "reach", "MOBILE", "available", true));
        assertThat(noMobile.status()).isEqualTo(400);
        JsonNode error = noMobile.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("mobileE164");
        assertThat(error.path("code").asString()).isEqualTo("agent.mobile-required");
        assertThat(error.path("message").asString())
                .isEqualTo("Ұялы телефон арқылы байланысатын агентке ұялы телефон нөмірі қажет.");

        Api.Response badMobile = a.post("/api/cc/agents", Map.of("displayName", "Bad", "reach", "ENDPOINT",
                "mobileE164", "12", "available", true));
        assertThat(badMobile.json().path("errors").get(0).path("code").asString()).isEqualTo("number.invalid");
        assertThat(a.post("/api/cc/agents", Map.of("displayName", "No reach", "available", true))
                .json().path("errors").get(0).path("field").asString()).isEqualTo("reach");
        assertThat(a.post("/api/cc/agents", Map.of("displayName", "Fax", "reach", "FAX", "available", true))
                .code()).isEqualTo("request.invalid-enum");

        UUID user = UUID.randomUUID();
        assertThat(a.post("/api/cc/agents", Map.of("displayName", "One", "userId", user.toString(), "reach",
                "ENDPOINT", "available", true)).status()).isEqualTo(201);
        Api.Response sameName = a.inLanguage("cs").post("/api/cc/agents", Fixtures.agent("One"));
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.code()).isEqualTo("agent.name-taken");
        assertThat(sameName.json().path("detail").asString()).isEqualTo("Agent s tímto jménem již existuje.");
        Api.Response sameUser = a.post("/api/cc/agents", Map.of("displayName", "Two", "userId", user.toString(),
                "reach", "ENDPOINT", "available", true));
        assertThat(sameUser.status()).isEqualTo(409);
        assertThat(sameUser.code()).isEqualTo("agent.user-taken");

        // another tenant may use the same name and user (a BPO operator works for several tenants)
        Api b = Api.adminOfNewTenant(port);
        assertThat(b.post("/api/cc/agents", Map.of("displayName", "One", "userId", user.toString(), "reach",
                "ENDPOINT", "available", true)).status()).isEqualTo(201);
    }

    @Test
    void credentialsAreShownOnceAndOnlyTheirDigestIsKept(CapturedOutput output) throws SQLException {
        Api a = Api.adminOfNewTenant(port);
        UUID agent = a.post("/api/cc/agents", Fixtures.agent("Softphone")).id();
        Api.Response issued = a.post("/api/cc/agents/" + agent + "/credentials", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonNode credentials = issued.json();
        assertThat(credentials.propertyNames()).containsExactlyInAnyOrder("sipUsername", "password", "realm",
                "sipDomain", "wssUrl");
        String username = credentials.path("sipUsername").asString();
        String password = credentials.path("password").asString();
        assertThat(username).matches("ag[a-z0-9]{10}");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(credentials.path("realm").asString()).isEqualTo(AgentEndpointConfig.REALM);
        assertThat(credentials.path("sipDomain").asString()).isEqualTo("127.0.0.1");
        assertThat(credentials.path("wssUrl").asString()).isEqualTo("wss://127.0.0.1:8089/ws");
        assertThat(storedCredential(agent)).isEqualTo(md5(username + ":linea:" + password))
                .doesNotContain(password);

        JsonNode read = a.get("/api/cc/agents/" + agent).json();
        assertThat(read.path("sipUsername").asString()).isEqualTo(username);
        assertThat(read.path("hasCredentials").asBoolean()).isTrue();
        for (String raw : List.of(a.get("/api/cc/agents/" + agent).raw(), a.get("/api/cc/agents").raw())) {
            assertThat(raw).doesNotContain(password).doesNotContain(storedCredential(agent));
        }

        // new credentials keep the user name and replace the password
        String second = a.post("/api/cc/agents/" + agent + "/credentials", null).json().path("password").asString();
        assertThat(second).isNotEqualTo(password);
        assertThat(storedCredential(agent)).isEqualTo(md5(username + ":linea:" + second));
        assertThat(a.get("/api/cc/agents/" + agent).json().path("sipUsername").asString()).isEqualTo(username);

        assertThat(a.delete("/api/cc/agents/" + agent + "/credentials").status()).isEqualTo(204);
        assertThat(storedCredential(agent)).isNull();
        JsonNode revoked = a.get("/api/cc/agents/" + agent).json();
        assertThat(revoked.path("hasCredentials").asBoolean()).isFalse();
        assertThat(revoked.path("sipUsername").asString()).isEqualTo(username);
        assertThat(output.getAll()).contains("Agent " + agent).doesNotContain(password).doesNotContain(second);
    }

    /** AGT-02, TEN-03: the browser softphone gets its own agent's endpoint, per tenant, never another's. */
    @Test
    void softphoneCredentialsAreTheSignedInAgentsOwnInEachTenant() throws SQLException {
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        TestTokens.Person operator = TestTokens.person().member(a.tenant(), Roles.AGENT)
                .member(b.tenant(), Roles.AGENT);
        UUID inA = a.post("/api/cc/agents", Map.of("displayName", "Operator A", "userId", operator.id().toString(),
                "reach", "ENDPOINT", "available", true)).id();
        UUID inB = b.post("/api/cc/agents", Map.of("displayName", "Operator B", "userId", operator.id().toString(),
                "reach", "ENDPOINT", "available", true)).id();
        a.post("/api/cc/agents", Fixtures.agent("Colleague"));

        Api.Response first = a.withToken(operator.token()).post("/api/cc/softphone/credentials", null);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode ofA = first.json();
        assertThat(ofA.path("agentId").asString()).isEqualTo(inA.toString());
        assertThat(ofA.path("tenantId").asString()).isEqualTo(a.tenant().toString());
        assertThat(ofA.path("displayName").asString()).isEqualTo("Operator A");
        assertThat(ofA.path("wssUrl").asString()).startsWith("wss://");
        String username = ofA.path("sipUsername").asString();
        assertThat(storedCredential(inA)).isEqualTo(md5(username + ":linea:" + ofA.path("password").asString()));

        // the same person in the other tenant: that tenant's agent and endpoint
        JsonNode ofB = b.withToken(operator.token()).post("/api/cc/softphone/credentials", null).json();
        assertThat(ofB.path("agentId").asString()).isEqualTo(inB.toString());
        assertThat(ofB.path("sipUsername").asString()).isNotEqualTo(username);
        assertThat(storedCredential(inB)).isEqualTo(md5(ofB.path("sipUsername").asString() + ":linea:"
                + ofB.path("password").asString()));

        // a new start replaces the password: the old one no longer registers
        JsonNode again = a.withToken(operator.token()).post("/api/cc/softphone/credentials", null).json();
        assertThat(again.path("sipUsername").asString()).isEqualTo(username);
        assertThat(again.path("password").asString()).isNotEqualTo(ofA.path("password").asString());

        // someone without an agent in the tenant, and someone of another tenant asking for this one
        Api.Response noAgent = a.withToken(TestTokens.person().member(a.tenant(), Roles.AGENT)
                .token()).post("/api/cc/softphone/credentials", null);
        assertThat(noAgent.status()).isEqualTo(404);
        assertThat(noAgent.code()).isEqualTo("resource.not-found");
        Api.Response foreign = a.withToken(TestTokens.person().member(b.tenant(), Roles.AGENT)
                .token()).post("/api/cc/softphone/credentials", null);
        assertThat(foreign.status()).isEqualTo(403);
    }

    @Test
    void transferTargetsAndTransfersStayInsideTheTenant() { // AGT-03, TEN-03
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        TestTokens.Person operator = TestTokens.person().member(a.tenant(), Roles.AGENT)
                .member(b.tenant(), Roles.AGENT);
        a.post("/api/cc/agents", Map.of("displayName", "Operator A", "userId", operator.id().toString(),
                "reach", "ENDPOINT", "available", true));
        b.post("/api/cc/agents", Map.of("displayName", "Operator B", "userId", operator.id().toString(),
                "reach", "ENDPOINT", "available", true));
        UUID zoe = a.post("/api/cc/agents", Fixtures.agent("Zoe")).id();
        UUID adam = a.post("/api/cc/agents", Fixtures.agent("adam")).id();
        UUID ofB = b.post("/api/cc/agents", Fixtures.agent("Bea")).id();
        Api agentInA = a.withToken(operator.token());

        // the colleagues: this tenant's other agents by name, with their state; not the person, not B's
        JsonNode colleagues = agentInA.get("/api/cc/presence/colleagues").json();
        assertThat(colleagues.findValuesAsString("agentId")).containsExactly(adam.toString(), zoe.toString());
        assertThat(colleagues.findValuesAsString("state")).containsOnly("LOGGED_OUT");
        assertThat(b.withToken(operator.token()).get("/api/cc/presence/colleagues").json()
                .findValuesAsString("agentId")).containsExactly(ofB.toString());
        assertThat(a.withToken(TestTokens.person().member(a.tenant(), Set.of("queues.view")).token())
                .get("/api/cc/presence/colleagues").status()).isEqualTo(403);

        // a transfer names a call the person talks on and an agent of the same tenant; a hang-up from the
        // server (AGT-02) a call of theirs
        UUID call = UUID.randomUUID();
        Api.Response foreignAgent = agentInA.post("/api/cc/calls/" + call + "/transfer",
                Map.of("agentId", ofB.toString(), "mode", "ATTENDED"));
        assertThat(foreignAgent.status()).as(foreignAgent.toString()).isEqualTo(404);
        assertThat(foreignAgent.code()).isEqualTo("resource.not-found");
        Api.Response noCall = agentInA.post("/api/cc/calls/" + call + "/transfer",
                Map.of("agentId", zoe.toString(), "mode", "BLIND"));
        assertThat(noCall.status()).as(noCall.toString()).isEqualTo(404);
        assertThat(agentInA.get("/api/cc/calls/" + call + "/transfer").status()).isEqualTo(404);
        for (String step : List.of("transfer/complete", "transfer/cancel", "transfer/conference", "hangup")) {
            Api.Response none = agentInA.post("/api/cc/calls/" + call + "/" + step, null);
            assertThat(none.status()).as(step + ": " + none).isEqualTo(404);
            assertThat(none.code()).isEqualTo("resource.not-found");
        }
        Api.Response toQueue = agentInA.post("/api/cc/calls/" + call + "/transfer-to-queue",
                Map.of("queueId", UUID.randomUUID().toString()));
        assertThat(toQueue.status()).as(toQueue.toString()).isEqualTo(404);
        Api.Response toNumber = agentInA.post("/api/cc/calls/" + call + "/transfer-to-number",
                Map.of("number", "+373 69 000 111"));
        assertThat(toNumber.status()).as(toNumber.toString()).isEqualTo(404);
        assertThat(toNumber.code()).isEqualTo("resource.not-found");
        Api.Response badNumber = agentInA.post("/api/cc/calls/" + call + "/transfer-to-number",
                Map.of("number", "call me"));
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.json().path("errors").get(0).path("field").asText()).isEqualTo("number");
        Api.Response badMode = agentInA.post("/api/cc/calls/" + call + "/transfer",
                Map.of("agentId", zoe.toString(), "mode", "SIDEWAYS"));
        assertThat(badMode.status()).isEqualTo(400);
        Api.Response noAgent = a.withToken(TestTokens.person().member(a.tenant(), Roles.AGENT).token())
                .post("/api/cc/calls/" + call + "/transfer/complete", null);
        assertThat(noAgent.status()).isEqualTo(409);
        assertThat(noAgent.code()).isEqualTo("call.no-agent");
    }

    @Test
    void onlyTelephonyManagersChangeAgents() {
        Api a = Api.adminOfNewTenant(port);
        UUID agent = a.post("/api/cc/agents", Fixtures.agent("Guarded")).id();
        Api viewer = a.withToken(TestTokens.person().member(a.tenant(), Set.of("telephony.view")).token());
        assertThat(viewer.get("/api/cc/agents/" + agent).status()).isEqualTo(200);
        for (Api.Response denied : List.of(viewer.post("/api/cc/agents/" + agent + "/credentials", null),
                viewer.delete("/api/cc/agents/" + agent), viewer.post("/api/cc/agents", Fixtures.agent("X")))) {
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.code()).isEqualTo("permission.denied");
        }
        Api queuesOnly = a.withToken(TestTokens.person().member(a.tenant(), Set.of("queues.view")).token());
        assertThat(queuesOnly.get("/api/cc/agents").status()).isEqualTo(403);
        assertThat(queuesOnly.get("/api/cc/numbers").status()).isEqualTo(403);
    }

    @Test
    void unknownFieldsCannotSetCredentials() {
        Api a = Api.adminOfNewTenant(port);
        Map<String, Object> body = new HashMap<>(Fixtures.agent("Sneaky"));
        body.put("sipUsername", "agchosen0001");
        assertThat(a.post("/api/cc/agents", body).code()).isEqualTo("request.unknown-field");
    }

    private static String storedCredential(UUID agent) throws SQLException {
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement statement = admin.prepareStatement(
                        "select md5_credential from cc.agent where id = ?")) {
            statement.setObject(1, agent);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
