package io.linea.cc.provisioning;

/**
 * Published after a carrier or agent endpoint was created, changed or removed (after commit), so the
 * telephony module pushes the change to every Asterisk node at once (TEL-02).
 */
public record TelephonyConfigChanged(Kind kind, String endpointId, boolean removed) {

    public enum Kind {
        CARRIER, AGENT
    }
}
