package io.linea.cc.form;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One category an interaction carries now (AGT-05); a change replaces rows and is audited as a {@link CategoryChange}. */
@Entity
@Table(name = "interaction_category")
class InteractionCategory {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID interactionId;

    private UUID categoryId;

    private Instant setAt;

    protected InteractionCategory() {
    }

    InteractionCategory(UUID interactionId, UUID categoryId, Instant setAt) {
        this.id = UUID.randomUUID();
        this.interactionId = interactionId;
        this.categoryId = categoryId;
        this.setAt = setAt;
    }

    UUID categoryId() {
        return categoryId;
    }
}
