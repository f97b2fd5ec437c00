package io.linea.cc.provisioning;

import java.util.List;

/**
 * What the platform admin wants a carrier to be (create or full replace). {@code password} null keeps
 * the stored one, empty removes it; {@code username} null or blank means none.
 */
public record CarrierDraft(String name, String host, int port, String transport, String username, String password,
        List<String> codecs, List<String> matchCidrs, boolean enabled) {
}
