package io.linea.cc.queue;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One overflow condition of a queue and its action; owned by the queue. */
@Entity
@Table(name = "queue_overflow")
class QueueOverflow {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Overflow.Condition condition;

    @Enumerated(EnumType.STRING)
    private OverflowAction.Type action;

    private UUID targetQueueId;

    private UUID targetAgentId;

    private String number;

    private String message;

    protected QueueOverflow() {
    }

    QueueOverflow(Overflow.Condition condition, OverflowAction value) {
        this.id = UUID.randomUUID();
        this.condition = condition;
        set(value);
    }

    Overflow.Condition condition() {
        return condition;
    }

    void set(OverflowAction value) {
        this.action = value.type();
        this.targetQueueId = value.queueId();
        this.targetAgentId = value.agentId();
        this.number = value.number();
        this.message = value.message();
    }

    OverflowAction value() {
        return new OverflowAction(action, targetQueueId, targetAgentId, number, message);
    }
}
