package io.linea.asterisk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** TEL-01: the local node starts, answers ARI, restarts stateless and runs beside a second node. */
@LocalAsterisk
class AsteriskNodeIntegrationTests {

    @Test
    void nodeAnswersAriPingAndCli(AsteriskNode node) {
        HttpResponse<String> ping = node.ariRequest("GET", "/asterisk/ping", null);

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).contains("\"ping\":\"pong\"");
        assertThat(node.cli("core show version")).startsWith("Asterisk 22.");
        assertThat(node.cli("pjsip show transports"))
                .contains("transport-udp", "transport-tcp", "transport-tls", "transport-wss");
        assertThat(node.cli("dialplan show linea-inbound")).contains("Stasis(${APP},inbound,${EXTEN})");
        assertThat(node.logFile()).exists();
        System.out.println("Asterisk test node started in " + node.lastStartDuration().toMillis() + " ms");
    }

    @Test
    void ariRefusesAWrongPassword(AsteriskNode node) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(node.ariUrl() + "/ari/asterisk/ping?api_key=" + node.ariUser() + ":wrong")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void restartForgetsPushedObjectsAndKeepsWorking(AsteriskNode node) {
        node.pushConfig("res_pjsip", "aor", "restart-probe", Map.of("max_contacts", "1"));
        assertThat(node.ariRequest("GET", "/asterisk/config/dynamic/res_pjsip/aor/restart-probe", null).statusCode())
                .isEqualTo(200);

        node.restart();

        System.out.println("Asterisk test node restarted in " + node.lastStartDuration().toMillis() + " ms");
        assertThat(node.ariRequest("GET", "/asterisk/ping", null).statusCode()).isEqualTo(200);
        assertThat(node.ariRequest("GET", "/asterisk/config/dynamic/res_pjsip/aor/restart-probe", null).statusCode())
                .as("nodes are stateless: pushed objects are gone after a restart").isEqualTo(404);
        node.pushConfig("res_pjsip", "aor", "restart-probe", Map.of("max_contacts", "2"));
        assertThat(node.deleteConfig("res_pjsip", "aor", "restart-probe")).isTrue();
        assertThat(node.deleteConfig("res_pjsip", "aor", "restart-probe")).isFalse();
    }

    @Test
    void aNodeOnPortsInUseFailsWithTheReason(AsteriskNode node) {
        NodeSettings clash = node.settings().withName("test-clash");

        assertThatThrownBy(() -> AsteriskNode.start(clash)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not start")
                .hasMessageContaining("port " + node.bind() + ":" + node.settings().httpPort() + " is already in use");
        assertThat(node.ariRequest("GET", "/asterisk/ping", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSecondNodeRunsBesideTheTestNode(AsteriskNode node) {
        NodeSettings second = node.settings().withName("test-b").withPorts(25160, 25161, 28188, 28189, 31000, 31999);
        long started = System.nanoTime();
        try (AsteriskNode other = AsteriskNode.start(second)) {
            System.out.println("Second Asterisk node started in "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");

            assertThat(other.ariRequest("GET", "/asterisk/ping", null).statusCode()).isEqualTo(200);
            assertThat(node.ariRequest("GET", "/asterisk/ping", null).statusCode()).isEqualTo(200);
            assertThat(other.cli("core show settings")).contains("System name:                 test-b");
            assertThat(node.cli("core show settings")).contains("System name:                 " + node.name());
            other.pushConfig("res_pjsip", "aor", "only-on-b", Map.of("max_contacts", "1"));
            assertThat(node.ariRequest("GET", "/asterisk/config/dynamic/res_pjsip/aor/only-on-b", null).statusCode())
                    .isEqualTo(404);
            assertThat(other.logFile()).isNotEqualTo(node.logFile());
        }
        assertThat(node.ariRequest("GET", "/asterisk/ping", null).statusCode()).isEqualTo(200);
    }
}
