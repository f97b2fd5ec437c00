package io.linea.cc.queue;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** A skill of one tenant (a language, a product); agents have it at a level per queue (ACD-03). */
@Entity
@Table(name = "skill")
class Skill {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String name;

    private String description;

    @Version
    private Long version;

    protected Skill() {
    }

    Skill(String name, String description) {
        this.id = UUID.randomUUID();
        change(name, description);
    }

    void change(String name, String description) {
        this.name = name;
        this.description = description;
    }

    UUID id() {
        return id;
    }

    long version() {
        return version == null ? 0 : version;
    }

    SkillView view() {
        return new SkillView(id, name, description, version());
    }
}
