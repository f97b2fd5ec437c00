package io.linea.cc.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the telephony module reads about carriers, numbers and agent endpoints (TEL-02, TEN-02).
 * Every method opens its own transaction in platform scope, so it can be called from ARI event
 * threads that have no tenant; results are plain records, never entities.
 */
public interface TelephonyDirectory {

    /** The tenant and route of an assigned number; empty when the number is unknown or not assigned. */
    Optional<NumberRoute> route(String e164);

    /** Every enabled carrier, for a full push to an Asterisk node. */
    List<CarrierConfig> carriers();

    Optional<CarrierConfig> carrier(UUID carrierId);

    /** Every agent endpoint of every tenant that has SIP credentials, for a full push to a node. */
    List<AgentEndpointConfig> endpoints();

    Optional<AgentEndpointConfig> endpoint(String endpointId);

    /** The tenant's available agents, longest idle first (last call ended earliest; never called first). */
    List<AgentTarget> agentsToRing(UUID tenantId);

    Optional<AgentTarget> agent(UUID tenantId, UUID agentId);

    /**
     * The agent if a recent {@link #agent} look-up is remembered, without touching the database: the call
     * engine rings an offered agent at once with it (B4). Empty when unknown or too old.
     */
    default Optional<AgentTarget> recentAgent(UUID tenantId, UUID agentId) {
        return Optional.empty();
    }

    /** The agent of a tenant that belongs to a user (the token's subject), if any. */
    Optional<AgentTarget> agentOfUser(UUID tenantId, UUID userId);

    /** Remembers when an agent's last call ended, for longest-idle ordering. */
    void recordCallEnded(UUID tenantId, UUID agentId, Instant at);

    /** One of the tenant's numbers with the carrier that carries it, for outbound caller ID (TEL-05). */
    Optional<CallerNumber> callerNumber(UUID tenantId, UUID numberId);

    /** The tenant's first assigned number, used as caller ID when an agent's mobile is dialled (TEL-04). */
    Optional<CallerNumber> defaultCallerNumber(UUID tenantId);
}
