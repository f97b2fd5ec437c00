package io.linea.cc.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.TenantId;

/** An agent's membership of one queue with their skill levels there. */
@Entity
@Table(name = "queue_member")
class QueueMember {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(updatable = false)
    private UUID queueId;

    @Column(updatable = false)
    private UUID agentId;

    private boolean loggedIn;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "member_id", nullable = false, updatable = false)
    @BatchSize(size = 100)
    private List<QueueMemberSkill> skills = new ArrayList<>();

    protected QueueMember() {
    }

    QueueMember(UUID queueId, UUID agentId) {
        this.id = UUID.randomUUID();
        this.queueId = queueId;
        this.agentId = agentId;
    }

    UUID agentId() {
        return agentId;
    }

    UUID queueId() {
        return queueId;
    }

    boolean loggedIn() {
        return loggedIn;
    }

    void loggedIn(boolean loggedIn) {
        this.loggedIn = loggedIn;
    }

    /** Levels are changed in place, for the same reason as the queue's overflow rows. */
    void replaceSkills(List<QueueMemberView.SkillLevel> levels) {
        Map<UUID, Integer> wanted = new HashMap<>();
        levels.forEach(l -> wanted.put(l.skillId(), l.level()));
        skills.removeIf(s -> !wanted.containsKey(s.skillId()));
        for (QueueMemberSkill skill : skills) {
            skill.level(wanted.remove(skill.skillId()));
        }
        wanted.forEach((skill, level) -> skills.add(new QueueMemberSkill(skill, level)));
    }

    List<QueueMemberView.SkillLevel> skills() {
        return skills.stream().map(s -> new QueueMemberView.SkillLevel(s.skillId(), s.level()))
                .sorted(java.util.Comparator.comparing(l -> l.skillId().toString())).toList();
    }
}
