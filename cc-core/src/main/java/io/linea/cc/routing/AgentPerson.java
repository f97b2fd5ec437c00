package io.linea.cc.routing;

import java.util.Map;
import java.util.UUID;

/**
 * One person who serves interactions, possibly for several tenants (TEN-03).
 *
 * @param personId the user id, the same in every tenant
 * @param agents   the person's agent id in each tenant they serve
 * @param capacity how many interactions of each medium at once (a call, up to N chats); a medium
 *                 missing from the map is never offered
 * @param blended  whether other media may be offered while on a call, and calls while chatting; when
 *                 false, a call excludes every other medium and the other way round
 */
public record AgentPerson(UUID personId, String displayName, Map<UUID, UUID> agents, Map<Medium, Integer> capacity,
        boolean blended) {

    public AgentPerson {
        agents = Map.copyOf(agents);
        capacity = Map.copyOf(capacity);
    }
}
