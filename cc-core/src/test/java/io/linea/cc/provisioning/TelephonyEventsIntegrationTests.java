package io.linea.cc.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.platform.tenancy.TenantContext;
import io.linea.platform.testing.EmbeddedDatabase;
import io.linea.platform.testing.LineaIntegrationTest;

/**
 * TEL-02: every carrier and agent-endpoint change reaches listeners as {@link TelephonyConfigChanged}
 * after its commit, when another connection already sees the change, and never for a rolled-back one.
 */
@LineaIntegrationTest
class TelephonyEventsIntegrationTests {

    /** An event as a listener after commit saw it, and whether the database then agreed with it. */
    record Seen(TelephonyConfigChanged event, boolean committed) {
    }

    /** Records events the way the telephony module will receive them. */
    static class Recorder {

        final List<Seen> seen = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        void on(TelephonyConfigChanged event) {
            seen.add(new Seen(event, committedStateMatches(event)));
        }
    }

    @TestConfiguration
    static class Listening {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Recorder recorder;

    @Autowired
    CarrierManagement carriers;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void forget() {
        recorder.seen.clear();
    }

    private static TelephonyConfigChanged carrier(UUID id, boolean removed) {
        return new TelephonyConfigChanged(TelephonyConfigChanged.Kind.CARRIER, "trunk-" + id, removed);
    }

    private static TelephonyConfigChanged agent(String sipUsername, boolean removed) {
        return new TelephonyConfigChanged(TelephonyConfigChanged.Kind.AGENT, sipUsername, removed);
    }

    @Test
    void carrierChangesAreAnnouncedAfterCommit() {
        Api platform = Api.platformAdmin(port);
        Map<String, Object> body = new HashMap<>(Fixtures.carrier(Fixtures.unique("Evented")));
        UUID id = platform.post("/api/cc/platform/carriers", body).id();
        body.put("version", 0);
        body.put("enabled", false);
        platform.put("/api/cc/platform/carriers/" + id, body);
        body.put("version", 1);
        body.put("enabled", true);
        platform.put("/api/cc/platform/carriers/" + id, body);
        body.put("version", 0);
        assertThat(platform.put("/api/cc/platform/carriers/" + id, body).status()).isEqualTo(409);
        platform.delete("/api/cc/platform/carriers/" + id);

        assertThat(recorder.seen).extracting(Seen::event).containsExactly(carrier(id, false), carrier(id, true),
                carrier(id, false), carrier(id, true));
        assertThat(recorder.seen).extracting(Seen::committed).containsOnly(true);
    }

    @Test
    void agentEndpointChangesAreAnnouncedAfterCommit() {
        Api a = Api.adminOfNewTenant(port);
        UUID agent = a.post("/api/cc/agents", Fixtures.agent("Evented")).id();
        a.put("/api/cc/agents/" + agent, Map.of("displayName", "Evented", "reach", "ENDPOINT", "available", false,
                "version", 0));
        assertThat(recorder.seen).as("no endpoint yet, nothing for Asterisk").isEmpty();

        String username = a.post("/api/cc/agents/" + agent + "/credentials", null).json().path("sipUsername")
                .asString();
        a.put("/api/cc/agents/" + agent, Map.of("displayName", "Evented", "reach", "ENDPOINT", "available", true,
                "version", 2));
        a.delete("/api/cc/agents/" + agent + "/credentials");
        a.post("/api/cc/agents/" + agent + "/credentials", null);
        a.delete("/api/cc/agents/" + agent);

        assertThat(recorder.seen).extracting(Seen::event).containsExactly(agent(username, false),
                agent(username, false), agent(username, true), agent(username, false), agent(username, true));
        assertThat(recorder.seen).extracting(Seen::committed).containsOnly(true);
    }

    @Test
    void aRolledBackChangeIsNeverAnnounced() {
        TenantContext.runAsPlatform(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            carriers.create(new CarrierDraft(Fixtures.unique("Rolled back"), "127.0.0.9", 5060, "udp", null, null,
                    List.of("alaw"), List.of(), true));
            status.setRollbackOnly();
        }));
        assertThat(recorder.seen).isEmpty();
    }

    /** Reads with a connection of its own, so it sees only what was committed. */
    private static boolean committedStateMatches(TelephonyConfigChanged event) {
        String sql = switch (event.kind()) {
            case CARRIER -> "select count(*) from cc.carrier where 'trunk-' || id = ? and enabled";
            case AGENT -> "select count(*) from cc.agent where sip_username = ? and md5_credential is not null";
        };
        try (Connection connection = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, event.endpointId());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return (row.getLong(1) == 1) != event.removed();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
