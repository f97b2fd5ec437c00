package io.linea.cc.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.cc.routing.Medium;
import io.linea.cc.routing.Presence;
import io.linea.cc.routing.Router;
import io.linea.cc.routing.RoutingEvent;
import io.linea.cc.routing.RoutingHandler;
import io.linea.cc.routing.RoutingTask;
import io.linea.platform.security.Roles;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.testing.TestTokens;

/**
 * Presence and queue log-in through the API, the router behind it, and its reload from PostgreSQL
 * (ACD-05, ACD-11, ACD-12; recovery of presence after a restart).
 */
@LineaIntegrationTest
class PresenceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Router router;

    private record Setup(Api admin, Api agent, UUID person, UUID agentId, UUID queue, UUID lunch) {
    }

    /** A tenant with a queue, a break reason and an agent who is a person with a login. */
    private Setup setup(boolean selfLogin) {
        Api admin = Api.adminOfNewTenant(port);
        TestTokens.Person person = TestTokens.person().member(admin.tenant(), Roles.AGENT);
        Api agent = admin.withToken(person.token());
        Map<String, Object> queue = new HashMap<>(Fixtures.queue(Fixtures.unique("Sales")));
        queue.put("selfLoginAllowed", selfLogin);
        UUID queueId = admin.post("/api/cc/queues", queue).id();
        Api.Response created = admin.post("/api/cc/agents", Map.of("displayName", "Ana", "userId",
                person.id().toString(), "reach", "ENDPOINT", "available", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        admin.put("/api/cc/queues/" + queueId + "/members", Map.of("members", List.of(
                Map.of("agentId", created.id().toString(), "skills", List.of()))));
        UUID lunch = admin.post("/api/cc/break-reasons", Map.of("name", "Lunch")).id();
        router.sync();
        return new Setup(admin, agent, person.id(), created.id(), queueId, lunch);
    }

    @Test
    void anAgentLogsInTakesABreakAndASupervisorMakesThemAvailable() {
        Setup s = setup(true);
        JsonNode me = s.agent().get("/api/cc/presence/me").json();
        assertThat(me.path("state").asString()).isEqualTo("LOGGED_OUT");
        JsonNode empty = s.admin().get("/api/cc/queues/" + s.queue() + "/live").json();
        assertThat(empty.path("loggedIn").asInt()).isZero();
        assertThat(empty.path("expectedWaitSeconds").isNull()).as("nobody serves: no forecast").isTrue();
        assertThat(me.path("queues").get(0).path("loggedIn").asBoolean()).isFalse();

        JsonNode in = s.agent().post("/api/cc/presence/me/login", Map.of("queueId", s.queue().toString())).json();
        assertThat(in.path("state").asString()).isEqualTo("AVAILABLE");
        assertThat(in.path("queues").get(0).path("loggedIn").asBoolean()).isTrue();
        assertThat(s.admin().get("/api/cc/queues/" + s.queue() + "/members").json().get(0).path("loggedIn")
                .asBoolean()).isTrue();
        JsonNode live = s.admin().get("/api/cc/queues/" + s.queue() + "/live").json();
        assertThat(live.path("loggedIn").asInt()).isEqualTo(1);
        assertThat(live.path("available").asInt()).isEqualTo(1);
        assertThat(live.path("expectedWaitSeconds").asLong()).as("a free agent: no wait").isZero();
        assertThat(Api.adminOfNewTenant(port).get("/api/cc/queues/" + s.queue() + "/live").status()).isEqualTo(404);

        Api.Response noReason = s.agent().put("/api/cc/presence/me", Map.of("state", "BREAK"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("errors").get(0).path("field").asString()).isEqualTo("breakReasonId");
        assertThat(s.agent().put("/api/cc/presence/me", Map.of("state", "ON_CALL")).json().path("errors").get(0)
                .path("code").asString()).isEqualTo("presence.state-not-chosen");
        JsonNode onBreak = s.agent().put("/api/cc/presence/me", Map.of("state", "BREAK", "breakReasonId",
                s.lunch().toString())).json();
        assertThat(onBreak.path("state").asString()).isEqualTo("BREAK");

        JsonNode team = s.admin().get("/api/cc/presence").json();
        assertThat(team).anyMatch(a -> a.path("agentId").asString().equals(s.agentId().toString())
                && a.path("state").asString().equals("BREAK"));
        JsonNode forced = s.admin().put("/api/cc/presence/agents/" + s.agentId(), Map.of("state", "AVAILABLE")).json();
        assertThat(forced.path("state").asString()).isEqualTo("AVAILABLE");
        assertThat(router.presence(s.person())).isEqualTo(Presence.AVAILABLE);

        Api.Response agentForcing = s.agent().put("/api/cc/presence/agents/" + s.agentId(),
                Map.of("state", "LOGGED_OUT"));
        assertThat(agentForcing.status()).as("agents cannot force states").isEqualTo(403);
    }

    @Test
    void aQueueThatForbidsSelfLoginLeavesItToTheSupervisor() {
        Setup s = setup(false);
        Api.Response self = s.agent().post("/api/cc/presence/me/login", Map.of("queueId", s.queue().toString()));
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.code()).isEqualTo("queue.self-login-forbidden");
        assertThat(s.agent().put("/api/cc/presence/me", Map.of("state", "AVAILABLE")).code())
                .isEqualTo("presence.no-queue");

        JsonNode forced = s.admin().post("/api/cc/presence/agents/" + s.agentId() + "/login",
                Map.of("queueId", s.queue().toString())).json();
        assertThat(forced.path("state").asString()).isEqualTo("AVAILABLE");
        assertThat(s.agent().post("/api/cc/presence/me/logout", Map.of("queueId", s.queue().toString())).code())
                .isEqualTo("queue.self-login-forbidden");
    }

    @Test
    void aUserWhoIsNoAgentOfTheTenantHasNoPresenceThere() {
        Setup s = setup(true);
        Api stranger = s.admin().withToken(TestTokens.person().member(s.admin().tenant(), Roles.AGENT).token());
        assertThat(stranger.get("/api/cc/presence/me").status()).isEqualTo(404);
        Api other = Api.adminOfNewTenant(port);
        assertThat(other.post("/api/cc/presence/agents/" + s.agentId() + "/login",
                Map.of("queueId", s.queue().toString())).status()).isEqualTo(404);
        assertThat(router.presence(s.person())).isEqualTo(Presence.LOGGED_OUT);
    }

    @Test
    void theRouterOffersAQueuedInteractionToTheLoggedInAgentAndAnotherMediumStillRoutes() {
        Setup s = setup(true);
        s.agent().post("/api/cc/presence/me/login", Map.of("queueId", s.queue().toString()));
        List<RoutingEvent> seen = new CopyOnWriteArrayList<>();
        RoutingHandler collect = new RoutingHandler() {
            @Override
            public void offered(RoutingEvent.Offered offer) {
                seen.add(offer);
            }

            @Override
            public void withdrawn(RoutingEvent.OfferWithdrawn withdrawal) {
                seen.add(withdrawal);
            }

            @Override
            public void overflowed(RoutingEvent.Overflowed overflow) {
                seen.add(overflow);
            }
        };
        router.handle(Medium.CHAT, collect);
        UUID chat = UUID.randomUUID();
        router.enqueue(new RoutingTask(chat, s.admin().tenant(), s.queue(), Medium.CHAT, 0, List.of(), Instant.now(),
                null, false));
        router.sync();
        assertThat(seen).singleElement().isInstanceOfSatisfying(RoutingEvent.Offered.class, offer -> {
            assertThat(offer.taskId()).isEqualTo(chat);
            assertThat(offer.agentId()).isEqualTo(s.agentId());
        });
        router.accepted(chat, s.person());
        router.sync();
        assertThat(router.presence(s.person())).isEqualTo(Presence.CHATTING);
        router.finished(chat);
        router.flush();
    }
}
