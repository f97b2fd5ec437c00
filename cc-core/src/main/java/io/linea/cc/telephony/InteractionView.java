package io.linea.cc.telephony;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An interaction as the API shows it; durations in seconds (derived from the events' timestamps). */
public record InteractionView(UUID id, String direction, String state, String tenantNumber, String remoteNumber,
        UUID agentId, String agentName, Instant startedAt, Instant answeredAt, Instant endedAt, Double ringSeconds,
        Double talkSeconds, String endReason, String abandonStage) {

    /** An interaction with its events, oldest first. */
    public record Detail(UUID id, String direction, String state, String tenantNumber, String remoteNumber,
            UUID agentId, String agentName, Instant startedAt, Instant answeredAt, Instant endedAt,
            Double ringSeconds, Double talkSeconds, String endReason, String abandonStage, List<EventView> events) {

        static Detail of(InteractionView v, List<EventView> events) {
            return new Detail(v.id(), v.direction(), v.state(), v.tenantNumber(), v.remoteNumber(), v.agentId(),
                    v.agentName(), v.startedAt(), v.answeredAt(), v.endedAt(), v.ringSeconds(), v.talkSeconds(),
                    v.endReason(), v.abandonStage(), events);
        }
    }

    public record EventView(String type, Instant at, UUID agentId, String agentName, String detail) {
    }
}
