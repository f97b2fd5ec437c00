package io.linea.cc.provisioning;

import java.util.List;
import java.util.UUID;

/**
 * A carrier trunk as pushed to Asterisk. {@code endpointId} is the PJSIP object id ("trunk-" + id);
 * {@code transport} is udp, tcp or tls; {@code codecs} in preference order (e.g. alaw, ulaw);
 * {@code matchCidrs} the source addresses that identify the carrier's inbound calls.
 */
public record CarrierConfig(UUID id, String name, String endpointId, String host, int port, String transport,
        String username, String password, List<String> codecs, List<String> matchCidrs) {
}
