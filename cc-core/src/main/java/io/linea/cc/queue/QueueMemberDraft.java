package io.linea.cc.queue;

import java.util.List;
import java.util.UUID;

/** An agent to be a member of a queue, with their skill levels there. */
public record QueueMemberDraft(UUID agentId, List<QueueMemberView.SkillLevel> skills) {
}
