package io.linea.cc.kb;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** A folder of a tenant's knowledge base; categories nest under a parent (HD-03). */
@Entity
@Table(name = "kb_category")
class KbCategory {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String name;

    private UUID parentId;

    private int position;

    @Version
    private Long version;

    protected KbCategory() {
    }

    KbCategory(String name, UUID parentId, int position) {
        this.id = UUID.randomUUID();
        change(name, parentId, position);
    }

    void change(String name, UUID parentId, int position) {
        this.name = name;
        this.parentId = parentId;
        this.position = position;
    }

    UUID id() {
        return id;
    }

    UUID parentId() {
        return parentId;
    }

    long version() {
        return version == null ? 0 : version;
    }

    KbView.Category view() {
        return new KbView.Category(id, name, parentId, position, version());
    }
}
