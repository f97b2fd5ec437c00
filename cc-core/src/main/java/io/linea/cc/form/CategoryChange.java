package io.linea.cc.form;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/**
 * One change of an interaction's categories, append-only: who, when, the categories before and after with
 * the names they had then, and an optional note (AGT-05).
 */
@Entity
@Immutable
@Table(name = "interaction_category_change")
class CategoryChange {

    @Id
    private UUID id;

    @Column(insertable = false, updatable = false)
    private Long seq;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID interactionId;

    private Instant changedAt;

    private UUID changedBy;

    private String changedByName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "before_ids", nullable = false)
    private UUID[] beforeIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "before_names", nullable = false)
    private String[] beforeNames;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "after_ids", nullable = false)
    private UUID[] afterIds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "after_names", nullable = false)
    private String[] afterNames;

    private String note;

    protected CategoryChange() {
    }

    CategoryChange(UUID interactionId, Instant changedAt, Caller by, List<InteractionCategoriesView.Named> before,
            List<InteractionCategoriesView.Named> after, String note) {
        this.id = UUID.randomUUID();
        this.interactionId = interactionId;
        this.changedAt = changedAt;
        this.changedBy = by.personId();
        this.changedByName = by.name();
        this.beforeIds = before.stream().map(InteractionCategoriesView.Named::id).toArray(UUID[]::new);
        this.beforeNames = before.stream().map(InteractionCategoriesView.Named::name).toArray(String[]::new);
        this.afterIds = after.stream().map(InteractionCategoriesView.Named::id).toArray(UUID[]::new);
        this.afterNames = after.stream().map(InteractionCategoriesView.Named::name).toArray(String[]::new);
        this.note = note;
    }

    InteractionCategoriesView.Change view() {
        return new InteractionCategoriesView.Change(changedAt, changedBy, changedByName, named(beforeIds, beforeNames),
                named(afterIds, afterNames), note);
    }

    private static List<InteractionCategoriesView.Named> named(UUID[] ids, String[] names) {
        List<InteractionCategoriesView.Named> named = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            named.add(new InteractionCategoriesView.Named(ids[i], names[i]));
        }
        return named;
    }
}
