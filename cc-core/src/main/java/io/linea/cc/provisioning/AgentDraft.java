package io.linea.cc.provisioning;

import java.util.UUID;

/**
 * What a tenant admin wants an agent to be (create or full replace). {@code mobileE164} may be typed with
 * spaces or dashes and is required when {@code reach} is {@link AgentReach#MOBILE}. A null
 * {@code capacity} means the defaults for a new agent and no change for an existing one.
 */
public record AgentDraft(String displayName, UUID userId, AgentReach reach, String mobileE164, boolean available,
        AgentCapacity capacity) {

    public AgentDraft(String displayName, UUID userId, AgentReach reach, String mobileE164, boolean available) {
        this(displayName, userId, reach, mobileE164, available, null);
    }
}
