package io.linea.cc.provisioning;

import java.util.List;
import java.util.UUID;

/** One row of {@code cc.carrier}; platform data, so plain JDBC rather than a tenant-filtered entity. */
record Carrier(UUID id, String name, String host, int port, String transport, String username, String password,
        List<String> codecs, List<String> matchCidrs, boolean enabled, long version, long numberCount) {

    static final String ENDPOINT_PREFIX = "trunk-";

    String endpointId() {
        return ENDPOINT_PREFIX + id;
    }

    CarrierView view() {
        return new CarrierView(id, name, host, port, transport, username, password != null && !password.isEmpty(),
                codecs, matchCidrs, enabled, version, numberCount);
    }

    CarrierConfig config() {
        return new CarrierConfig(id, name, endpointId(), host, port, transport, username, password, codecs,
                matchCidrs);
    }
}
