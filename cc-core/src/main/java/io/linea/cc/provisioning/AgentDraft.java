package io.linea.cc.provisioning;

import java.util.UUID;

/**
 * What a tenant admin wants an agent to be (create or full replace). {@code mobileE164} may be typed with
 * spaces or dashes and is required when {@code reach} is {@link AgentReach#MOBILE}.
 */
public record AgentDraft(String displayName, UUID userId, AgentReach reach, String mobileE164, boolean available) {
}
