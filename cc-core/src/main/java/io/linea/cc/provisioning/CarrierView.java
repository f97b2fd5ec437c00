package io.linea.cc.provisioning;

import java.util.List;
import java.util.UUID;

/** A carrier as the platform API shows it: whether it has a password, never the password. */
public record CarrierView(UUID id, String name, String host, int port, String transport, String username,
        boolean hasPassword, List<String> codecs, List<String> matchCidrs, boolean enabled, long version,
        long numberCount) {
}
