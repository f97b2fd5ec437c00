package io.linea.cc.telephony;

/**
 * Why cc-core hangs up a channel, as ARI's {@code reason} names it. Asterisk maps each to a Q.850
 * cause and, for a call not yet answered, to a SIP status: unallocated → 404 Not Found,
 * busy → 486 Busy Here, congestion → 503 Service Unavailable.
 */
enum HangupReason {
    NORMAL("normal"), UNALLOCATED("unallocated"), BUSY("busy"), CONGESTION("congestion");

    final String ari;

    HangupReason(String ari) {
        this.ari = ari;
    }
}
