package io.linea.cc.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One contact of a tenant (a call for now), with the times its events set. */
@Entity
@Table(name = "interaction")
class Interaction {

    enum Direction {
        INBOUND, OUTBOUND
    }

    enum State {
        OFFERED, RINGING, ANSWERED, ENDED, ABANDONED, REJECTED, FAILED;

        boolean open() {
            return this == OFFERED || this == RINGING || this == ANSWERED;
        }
    }

    enum Stage {
        GREETING, WAITING, RINGING
    }

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String medium;

    @Enumerated(EnumType.STRING)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    private State state;

    private String tenantNumber;

    private String remoteNumber;

    private UUID agentId;

    private String agentName;

    private String node;

    private Instant startedAt;

    private Instant answeredAt;

    private Instant endedAt;

    private Long ringMs;

    private Long talkMs;

    private String endReason;

    @Enumerated(EnumType.STRING)
    private Stage abandonStage;

    protected Interaction() {
    }

    Interaction(UUID id, Direction direction, String tenantNumber, String remoteNumber, String node,
            Instant startedAt) {
        this.id = id;
        this.medium = "VOICE";
        this.direction = direction;
        this.state = State.OFFERED;
        this.tenantNumber = tenantNumber;
        this.remoteNumber = remoteNumber;
        this.node = node;
        this.startedAt = startedAt;
    }

    void ringing(UUID agent, String name) {
        if (state.open()) {
            state = State.RINGING;
            agentId = agent;
            agentName = name;
        }
    }

    /** The first answer counts for service level and ring time; a call transferred to a queue is answered again. */
    void answered(UUID agent, String name, Instant at, Duration ring) {
        state = State.ANSWERED;
        agentId = agent;
        agentName = name;
        if (answeredAt == null) {
            answeredAt = at;
            ringMs = ring == null ? null : ring.toMillis();
        }
    }

    /** AGT-03: the agent who has the call now; the first one stays in the events. */
    void transferredTo(UUID agent, String name) {
        agentId = agent;
        agentName = name;
    }

    void ended(State finalState, Instant at, String reason, Stage stage) {
        if (!state.open()) {
            return;
        }
        state = finalState;
        endedAt = at;
        endReason = reason;
        abandonStage = stage;
        if (answeredAt != null) {
            talkMs = Duration.between(answeredAt, at).toMillis();
        }
    }

    UUID id() {
        return id;
    }

    State state() {
        return state;
    }

    InteractionView view() {
        return new InteractionView(id, direction.name(), state.name(), tenantNumber, remoteNumber, agentId, agentName,
                startedAt, answeredAt, endedAt, seconds(ringMs), seconds(talkMs), endReason,
                abandonStage == null ? null : abandonStage.name());
    }

    private static Double seconds(Long millis) {
        return millis == null ? null : millis / 1000.0;
    }
}
