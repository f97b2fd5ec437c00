package io.linea.cc.crm;

import java.time.Instant;
import java.util.UUID;

/** One interaction in a client's history (CRM-01): a call from or to one of the client's numbers. */
public record ClientInteractionView(UUID id, String medium, String direction, String state, String tenantNumber,
        String remoteNumber, UUID agentId, String agentName, Instant startedAt, Instant answeredAt, Instant endedAt,
        Double talkSeconds, String endReason, int notes) {
}
