package io.linea.cc.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.platform.security.Roles;
import io.linea.platform.testing.EmbeddedDatabase;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.testing.TestTokens;

/**
 * AGT-07: an agent's own calls and statistics. Calls have no create API, so each test stores them with
 * their events as the application role under row-level security, as cc-core's recorder would.
 */
@LineaIntegrationTest
class MyCallsIntegrationTests {

    @LocalServerPort
    int port;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** A call that started {@code minutesAgo}, whose final agent is {@code agent}, and its events. */
    private record Step(String type, UUID agent, int secondsAfterStart) {
    }

    private UUID call(UUID tenant, String number, long minutesAgo, UUID agent, Step... steps) throws SQLException {
        UUID id = UUID.randomUUID();
        Instant started = now.minus(minutesAgo, ChronoUnit.MINUTES);
        try (Connection app = DriverManager.getConnection(EmbeddedDatabase.shared().jdbcUrl(), EmbeddedDatabase.APP,
                EmbeddedDatabase.APP)) {
            app.setAutoCommit(false);
            try (PreparedStatement scope = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, tenant.toString());
                scope.execute();
            }
            try (PreparedStatement insert = app.prepareStatement("""
                    insert into cc.interaction (id, tenant_id, direction, state, tenant_number, remote_number, agent_id,
                        agent_name, started_at, answered_at, ended_at, talk_ms, end_reason)
                    values (?, ?, 'INBOUND', 'ENDED', '+18005550100', ?, ?, 'Final agent', ?, ?, ?, 60000,
                        'CALLER_HANGUP')""")) {
                insert.setObject(1, id);
                insert.setObject(2, tenant);
                insert.setString(3, number);
                insert.setObject(4, agent);
                insert.setTimestamp(5, Timestamp.from(started));
                insert.setTimestamp(6, Timestamp.from(started.plusSeconds(10)));
                insert.setTimestamp(7, Timestamp.from(started.plusSeconds(120)));
                insert.executeUpdate();
            }
            for (Step step : steps) {
                try (PreparedStatement event = app.prepareStatement("""
                        insert into cc.interaction_event (id, tenant_id, interaction_id, type, at, agent_id)
                        values (?, ?, ?, ?, ?, ?)""")) {
                    event.setObject(1, UUID.randomUUID());
                    event.setObject(2, tenant);
                    event.setObject(3, id);
                    event.setString(4, step.type());
                    event.setTimestamp(5, Timestamp.from(started.plusSeconds(step.secondsAfterStart())));
                    event.setObject(6, step.agent());
                    event.executeUpdate();
                }
            }
            app.commit();
        }
        return id;
    }

    private static UUID agentFor(Api admin, TestTokens.Person person, String name) {
        return admin.post("/api/cc/agents", Map.of("displayName", name, "userId", person.id().toString(), "reach",
                "ENDPOINT", "available", true)).id();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    @Test
    void anAgentSeesTheirOwnCallsWithNotesAndTheirStatistics() throws SQLException {
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        TestTokens.Person operator = TestTokens.person().member(a.tenant(), Roles.AGENT).member(b.tenant(),
                Roles.AGENT);
        TestTokens.Person colleaguePerson = TestTokens.person().member(a.tenant(), Roles.AGENT);
        UUID me = agentFor(a, operator, "Me");
        UUID colleague = agentFor(a, colleaguePerson, "Colleague");
        agentFor(b, operator, "Me in B");
        Api mine = a.withToken(operator.token());

        UUID answered = call(a.tenant(), "+447700900101", 120, me, new Step("ANSWERED", me, 10));
        UUID missed = call(a.tenant(), "+447700900102", 110, colleague, new Step("AGENT_NO_ANSWER", me, 5),
                new Step("ANSWERED", colleague, 30));
        UUID takenOver = call(a.tenant(), "+447700900103", 100, me, new Step("ANSWERED", colleague, 8),
                new Step("CONSULTED", me, 40), new Step("TRANSFERRED", me, 60));
        UUID notMine = call(a.tenant(), "+447700900104", 90, colleague, new Step("ANSWERED", colleague, 5));
        UUID secondRing = call(a.tenant(), "+447700900105", 80, me, new Step("AGENT_NO_ANSWER", me, 5),
                new Step("ANSWERED", me, 25));
        UUID handedOver = call(a.tenant(), "+447700900106", 70, colleague, new Step("ANSWERED", me, 5),
                new Step("TRANSFERRED", colleague, 50));
        UUID lastWeek = call(a.tenant(), "+447700900107", 3 * 24 * 60, me, new Step("ANSWERED", me, 30));
        call(b.tenant(), "+447700900108", 60, null);

        UUID client = a.post("/api/cc/clients", Map.of("lastName", "Popescu", "phones",
                List.of(Map.of("number", "+447700900101")))).id();
        assertThat(mine.post("/api/cc/clients/" + client + "/notes", Map.of("text", "Boiler pressure is low",
                "interactionId", answered.toString())).status()).isEqualTo(201);

        // history: own calls only, newest first, with their notes; who has the call now
        JsonNode history = mine.get("/api/cc/me/calls").json();
        assertThat(ids(history)).containsExactly(handedOver.toString(), secondRing.toString(), takenOver.toString(),
                answered.toString(), lastWeek.toString());
        assertThat(history.path("total").asLong()).isEqualTo(5);
        JsonNode first = history.path("items").get(3);
        assertThat(first.path("notes").get(0).asString()).isEqualTo("Boiler pressure is low");
        assertThat(history.path("items").get(0).path("handedOver").asBoolean()).isTrue();
        assertThat(first.path("handedOver").asBoolean()).isFalse();
        assertThat(ids(mine.get("/api/cc/me/calls?q=pressure").json())).containsExactly(answered.toString());
        assertThat(ids(mine.get("/api/cc/me/calls?q=BOILER").json())).containsExactly(answered.toString());
        assertThat(ids(mine.get("/api/cc/me/calls?q=900105").json())).containsExactly(secondRing.toString());
        assertThat(ids(mine.get("/api/cc/me/calls?size=2&page=1").json())).containsExactly(takenOver.toString(),
                answered.toString());
        assertThat(ids(a.withToken(colleaguePerson.token()).get("/api/cc/me/calls").json())).containsExactly(
                handedOver.toString(), notMine.toString(), takenOver.toString(), missed.toString());
        assertThat(ids(b.withToken(operator.token()).get("/api/cc/me/calls").json()))
                .as("the same person in another tenant").isEmpty();

        // the last 24 hours: four handled (one on a second ring, one taken over), one missed; two of the three
        // answered within 20 s of arrival
        JsonNode day = mine.get("/api/cc/me/stats?days=1&zone=Europe/Chisinau").json();
        assertThat(day.path("handled").asInt()).isEqualTo(4);
        assertThat(day.path("missed").asInt()).isEqualTo(1);
        assertThat(day.path("serviceLevel").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(day.path("buckets")).hasSize(24);
        int handledInBuckets = 0;
        int missedInBuckets = 0;
        for (JsonNode bucket : day.path("buckets")) {
            handledInBuckets += bucket.path("handled").asInt();
            missedInBuckets += bucket.path("missed").asInt();
        }
        assertThat(handledInBuckets).isEqualTo(4);
        assertThat(missedInBuckets).isEqualTo(1);
        JsonNode week = mine.get("/api/cc/me/stats?days=7").json();
        assertThat(week.path("handled").asInt()).isEqualTo(5);
        assertThat(week.path("serviceLevel").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(week.path("buckets")).hasSize(7);
        assertThat(mine.get("/api/cc/me/stats?days=30").json().path("buckets")).hasSize(30);
        assertThat(mine.get("/api/cc/me/stats?days=1&serviceLevelSeconds=30").json().path("serviceLevel")
                .asDouble()).isCloseTo(1.0, within(1e-9));

        Api.Response badDays = mine.get("/api/cc/me/stats?days=3");
        assertThat(badDays.status()).isEqualTo(400);
        assertThat(badDays.raw()).contains("days");
        assertThat(mine.get("/api/cc/me/stats?zone=Mars/Olympus").status()).isEqualTo(400);
        Api.Response noAgent = a.withToken(TestTokens.person().member(a.tenant(), Roles.AGENT).token())
                .get("/api/cc/me/calls");
        assertThat(noAgent.status()).isEqualTo(404);
        assertThat(noAgent.code()).isEqualTo("resource.not-found");
        assertThat(a.withToken(TestTokens.person().member(a.tenant(), java.util.Set.of("clients.view")).token())
                .get("/api/cc/me/stats").status()).isEqualTo(403);
    }
}
