package io.linea.cc.queue;

import java.util.List;
import java.util.UUID;

/** An agent's membership of a queue: their skill levels there (ACD-03), logged in now or not (ACD-11). */
public record QueueMemberView(UUID agentId, String displayName, boolean loggedIn, List<SkillLevel> skills) {

    public record SkillLevel(UUID skillId, int level) {
    }
}
