package io.linea.cc.queue;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One skill level (1 … 5) of a queue member; owned by the membership. */
@Entity
@Table(name = "queue_member_skill")
class QueueMemberSkill {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(updatable = false)
    private UUID skillId;

    private int level;

    protected QueueMemberSkill() {
    }

    QueueMemberSkill(UUID skillId, int level) {
        this.id = UUID.randomUUID();
        this.skillId = skillId;
        this.level = level;
    }

    UUID skillId() {
        return skillId;
    }

    int level() {
        return level;
    }

    void level(int level) {
        this.level = level;
    }
}
