package io.linea.cc.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.linea.asterisk.testing.AsteriskExtension;
import io.linea.asterisk.testing.AsteriskNode;
import io.linea.cc.Api;

/** What the telephony tests on the shared Asterisk node set up alike: cc-core's node, a carrier, waiting. */
final class NodeTestSupport {

    private NodeTestSupport() {
    }

    /** Points cc-core at the shared test node. */
    static void nodeProperties(DynamicPropertyRegistry properties) {
        AsteriskNode node = AsteriskExtension.sharedNode();
        properties.add("linea.telephony.nodes[0].name", () -> "test-node");
        properties.add("linea.telephony.nodes[0].ari-url", node::ariUrl);
        properties.add("linea.telephony.nodes[0].user", node::ariUser);
        properties.add("linea.telephony.nodes[0].password", node::ariPassword);
        properties.add("linea.telephony.app", node::app);
    }

    /** A carrier whose calls come from {@code ip} (sipp's source address) and which answers on {@code port}. */
    static UUID carrier(Api platform, String ip, int port) {
        Api.Response created = platform.post("/api/cc/platform/carriers", Map.of("name", "Carrier " + UUID.randomUUID(),
                "host", ip, "port", port, "transport", "udp", "codecs", List.of("alaw", "ulaw"),
                "matchCidrs", List.of(ip + "/32"), "enabled", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    /** Polls until {@code found} gives a value (exceptions count as "not yet"). */
    static <T> T await(String what, Duration limit, Supplier<T> found) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            try {
                T value = found.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
