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
}
