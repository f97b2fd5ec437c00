package io.linea.cc.provisioning;

import java.util.UUID;

/** An agent as the tenant API shows it: whether it has SIP credentials, never the credential. */
public record AgentView(UUID id, String displayName, UUID userId, AgentReach reach, String mobileE164,
        boolean available, String sipUsername, boolean hasCredentials, AgentCapacity capacity, long version) {
}
