package io.linea.cc.provisioning;

import java.util.UUID;

/**
 * An agent's SIP/WebRTC endpoint as pushed to Asterisk: {@code endpointId} is also the SIP user name;
 * {@code md5Credential} is md5(endpointId + ":" + {@link #REALM} + ":" + password), so the password
 * itself is never stored.
 */
public record AgentEndpointConfig(UUID tenantId, UUID agentId, String endpointId, String md5Credential) {

    public static final String REALM = "linea";
}
