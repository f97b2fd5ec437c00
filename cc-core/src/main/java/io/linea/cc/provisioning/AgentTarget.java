package io.linea.cc.provisioning;

import java.util.UUID;

/** An agent the call path can ring: {@code endpointId} and {@code mobileE164} may each be null. */
public record AgentTarget(UUID tenantId, UUID agentId, UUID userId, String displayName, AgentReach reach,
        String endpointId, String mobileE164) {
}
