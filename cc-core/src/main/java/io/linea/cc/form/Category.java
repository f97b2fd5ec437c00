package io.linea.cc.form;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** A category (disposition) interactions are filed under; categories nest under a parent (AGT-05, RPT-07). */
@Entity
@Table(name = "category")
class Category {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String name;

    private UUID parentId;

    private boolean active;

    private int position;

    @Version
    private Long version;

    protected Category() {
    }

    Category(String name, UUID parentId, boolean active, int position) {
        this.id = UUID.randomUUID();
        change(name, parentId, active, position);
    }

    void change(String newName, UUID newParentId, boolean newActive, int newPosition) {
        this.name = newName;
        this.parentId = newParentId;
        this.active = newActive;
        this.position = newPosition;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    UUID parentId() {
        return parentId;
    }

    boolean active() {
        return active;
    }

    int position() {
        return position;
    }

    long version() {
        return version == null ? 0 : version;
    }

    CategoryView view() {
        return new CategoryView(id, name, parentId, active, position, version());
    }
}
