package io.linea.cc.routing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A person logged in to a queue, with their skill levels there (ACD-03, ACD-11). */
final class Membership {

    final AgentSeat seat;
    final QueueState queue;
    /** Increases with every login, so round robin follows login order and a re-login goes to the end. */
    final long sequence;
    Map<UUID, Integer> skills;

    Membership(AgentSeat seat, QueueState queue, long sequence, Map<UUID, Integer> skills) {
        this.seat = seat;
        this.queue = queue;
        this.sequence = sequence;
        this.skills = skills;
    }

    boolean meets(Iterable<SkillRequirement> requirements) {
        for (SkillRequirement requirement : requirements) {
            if (skills.getOrDefault(requirement.skillId(), 0) < requirement.minLevel()) {
                return false;
            }
        }
        return true;
    }

    /** Sum of levels over the requirements, or over all the person's skills here when there are none. */
    int skillSum(List<SkillRequirement> requirements) {
        int sum = 0;
        if (requirements.isEmpty()) {
            for (int level : skills.values()) {
                sum += level;
            }
            return sum;
        }
        for (SkillRequirement requirement : requirements) {
            sum += skills.getOrDefault(requirement.skillId(), 0);
        }
        return sum;
    }
}
