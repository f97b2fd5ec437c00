package io.linea.cc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.platform.security.Roles;
import io.linea.platform.testing.LineaIntegrationTest;
import io.linea.platform.testing.TestTokens;

/**
 * The router's state survives a restart (DESIGN: in memory, recovered from PostgreSQL): a second router
 * on the same database, as after cc-core restarts, knows who is logged in where, who is on a break, and
 * which interactions were waiting or handled, in their order.
 */
@LineaIntegrationTest
class RouterReloadIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Router router;

    @Autowired
    RoutingStore store;

    @Test
    void presenceLogInsAndPersistedInteractionsAreRecovered() {
        Api admin = Api.adminOfNewTenant(port);
        TestTokens.Person ana = TestTokens.person().member(admin.tenant(), Roles.AGENT);
        Map<String, Object> body = new HashMap<>(Fixtures.queue(Fixtures.unique("Sales")));
        UUID queue = admin.post("/api/cc/queues", body).id();
        UUID agent = admin.post("/api/cc/agents", Map.of("displayName", "Ana", "userId", ana.id().toString(),
                "reach", "ENDPOINT", "available", true)).id();
        admin.put("/api/cc/queues/" + queue + "/members", Map.of("members", List.of(
                Map.of("agentId", agent.toString(), "skills", List.of()))));
        UUID lunch = admin.post("/api/cc/break-reasons", Map.of("name", "Lunch")).id();
        Api me = admin.withToken(ana.token());
        me.post("/api/cc/presence/me/login", Map.of("queueId", queue.toString()));
        me.put("/api/cc/presence/me", Map.of("state", "BREAK", "breakReasonId", lunch.toString()));

        // three waiting interactions, the second with a higher priority; the order is the router's, not arrival
        Instant t0 = Instant.now().minusSeconds(60);
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            router.enqueue(new RoutingTask(ids.get(i), admin.tenant(), queue, Medium.CHAT, i == 1 ? 5 : 0, List.of(),
                    t0.plusSeconds(i), null, i == 2));
        }
        router.flush();
        assertThat(router.waiting(queue)).containsExactly(ids.get(1), ids.get(0), ids.get(2));

        try (Router restarted = new Router(store)) {
            restarted.afterSingletonsInstantiated();
            assertThat(restarted.presence(ana.id())).isEqualTo(Presence.BREAK);
            assertThat(restarted.snapshot(queue).loggedIn()).isEqualTo(1);
            assertThat(restarted.agentOf(ana.id(), admin.tenant())).contains(agent);

            List<PersistedTask> persisted = restarted.persisted(Medium.CHAT).stream()
                    .filter(t -> t.task().queueId().equals(queue)).toList();
            assertThat(persisted).extracting(t -> t.task().id()).containsExactly(ids.get(0), ids.get(1), ids.get(2));
            assertThat(persisted.get(2).task().callback()).isTrue();
            persisted.forEach(t -> restarted.enqueue(t.task()));
            restarted.sync();
            assertThat(restarted.waiting(queue)).as("order kept across the restart")
                    .containsExactly(ids.get(1), ids.get(0), ids.get(2));
        }
        ids.forEach(id -> router.cancel(id, false));
        router.flush();
        assertThat(store.tasks(Medium.CHAT)).noneMatch(t -> ids.contains(t.task().id()));
    }
    /**
     * ACD-05, ACD-11: an agent's capacity and blending, set through the API, decide what the router offers;
     * a person who works for two tenants gets the smaller capacity of the two.
     */
    @Test
    void capacityAndBlendingSetOnTheAgentDecideWhatIsOfferedAndTheSmallerOfTwoTenantsCounts() {
        List<RoutingEvent.Offered> offers = new java.util.concurrent.CopyOnWriteArrayList<>();
        router.handle(Medium.CHAT, new RoutingHandler() {
            @Override
            public void offered(RoutingEvent.Offered offer) {
                offers.add(offer);
            }

            @Override
            public void withdrawn(RoutingEvent.OfferWithdrawn withdrawal) {
            }

            @Override
            public void overflowed(RoutingEvent.Overflowed overflow) {
            }
        });
        Api admin = Api.adminOfNewTenant(port);
        TestTokens.Person ana = TestTokens.person().member(admin.tenant(), Roles.AGENT);
        UUID queue = admin.post("/api/cc/queues", new HashMap<>(Fixtures.queue(Fixtures.unique("Chat")))).id();
        Api.Response created = admin.post("/api/cc/agents", Map.of("displayName", "Ana", "userId",
                ana.id().toString(), "reach", "ENDPOINT", "available", true, "capacity", Map.of("voice", 0,
                        "chat", 2)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("capacity").path("chat").asInt()).isEqualTo(2);
        assertThat(created.json().path("capacity").path("email").asInt()).as("a default").isEqualTo(5);
        assertThat(created.json().path("capacity").path("blended").asBoolean()).isFalse();
        UUID agent = created.id();
        admin.put("/api/cc/queues/" + queue + "/members", Map.of("members", List.of(
                Map.of("agentId", agent.toString(), "skills", List.of()))));
        admin.withToken(ana.token()).post("/api/cc/presence/me/login", Map.of("queueId", queue.toString()));

        Instant now = Instant.now();
        UUID call = UUID.randomUUID();
        List<UUID> chats = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        router.enqueue(new RoutingTask(call, admin.tenant(), queue, Medium.VOICE, 0, List.of(), now, null, false));
        for (int i = 0; i < chats.size(); i++) {
            router.enqueue(new RoutingTask(chats.get(i), admin.tenant(), queue, Medium.CHAT, 0, List.of(),
                    now.plusMillis(i + 1), null, false));
        }
        router.flush();
        assertThat(offers).extracting(RoutingEvent.Offered::taskId).as("two chats at once, no calls")
                .containsExactly(chats.get(0), chats.get(1));

        // the same person works for a second tenant, which allows one chat only: one chat at a time now
        Api other = Api.adminOfNewTenant(port);
        ana.member(other.tenant(), Roles.AGENT);
        assertThat(other.post("/api/cc/agents", Map.of("displayName", "Ana", "userId", ana.id().toString(),
                "reach", "ENDPOINT", "available", true, "capacity", Map.of("chat", 1))).status()).isEqualTo(201);
        router.flush();
        router.cancel(chats.get(0), true); // the first visitor leaves: one chat left with Ana
        router.flush();
        assertThat(offers).as("one chat is all she takes now: the third waits").hasSize(2);
        assertThat(router.waiting(queue)).contains(chats.get(2));

        // a range the API refuses, with the field named
        Api.Response wrong = admin.put("/api/cc/agents/" + agent, Map.of("displayName", "Ana", "userId",
                ana.id().toString(), "reach", "ENDPOINT", "available", true, "capacity", Map.of("chat", 21),
                "version", created.json().path("version").asLong()));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.raw()).contains("capacity.chat");

        List.of(call, chats.get(1), chats.get(2)).forEach(id -> router.cancel(id, false));
        router.flush();
    }
}
