package io.linea.cc.telephony;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Telephony settings ({@code linea.telephony}): the Asterisk nodes to control, the Stasis
 * application every inbound call enters, and the timings of the first call path.
 *
 * @param nodes          the Asterisk nodes; none means telephony is off
 * @param app            the Stasis application name the dialplan sends calls to
 * @param ringTimeout    how long one agent rings before the next one is tried
 * @param maxWait        how long a caller waits for an agent before being told to call again
 * @param retryPause     the pause between two rounds over all available agents
 * @param agentWebrtc    agent endpoints speak WebRTC (DTLS-SRTP, ICE); plain SIP phones need false
 * @param identityUrl    tenant-service, asked whether a tenant is suspended
 * @param internalToken  the token of tenant-service's internal endpoints
 * @param keyWait        how long a caller has to press a key after a menu (the callback offer)
 * @param callbackPoll   how often scheduled callbacks are checked for being due
 */
@ConfigurationProperties("linea.telephony")
record TelephonySettings(List<Node> nodes, @DefaultValue("linea") String app,
        @DefaultValue("20s") Duration ringTimeout, @DefaultValue("90s") Duration maxWait,
        @DefaultValue("2s") Duration retryPause, @DefaultValue("true") boolean agentWebrtc, String identityUrl,
        String internalToken, @DefaultValue("6s") Duration keyWait, @DefaultValue("15s") Duration callbackPoll) {

    TelephonySettings {
        nodes = nodes == null ? List.of() : nodes.stream().filter(n -> n.ariUrl() != null && !n.ariUrl().isBlank())
                .toList();
    }

    /** One Asterisk node: its ARI base URL (without {@code /ari}) and credentials. */
    record Node(@DefaultValue("node-1") String name, String ariUrl, String user, String password) {
    }
}
