package io.linea.cc.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An interaction the engine is asked to route (a call, a chat, an e-mail, a callback).
 *
 * @param id              the interaction id
 * @param priority        0 … 9, higher first (ACD-04: VIP callers, caller status)
 * @param skills          required skills in order of importance (chosen in the IVR); may be empty
 * @param enqueuedAt      when it joined the queue: the order among equal priorities, kept across a restart
 * @param preferredPerson the person who last served this customer (ACD-07), or null
 * @param callback        a kept place of a caller who asked to be called back (ACD-10): the agent is
 *                        reserved first, then the caller is dialled
 */
public record RoutingTask(UUID id, UUID tenantId, UUID queueId, Medium medium, int priority,
        List<SkillRequirement> skills, Instant enqueuedAt, UUID preferredPerson, boolean callback) {

    public RoutingTask {
        skills = List.copyOf(skills);
        if (priority < 0 || priority > 9) {
            throw new IllegalArgumentException("priority must be 0 … 9");
        }
    }
}
