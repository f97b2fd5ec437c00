package io.linea.cc.form;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.TenantId;

/** An intake form of one tenant with its current fields (CRM-02); every saved definition is a {@link FormVersion}. */
@Entity
@Table(name = "intake_form")
class Form {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String name;

    private String description;

    private boolean active;

    /** The fields as a JSON array of {@link FormField}. */
    @Column(name = "fields", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String fields;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private Long version;

    protected Form() {
    }

    Form(String name, String description, boolean active, String fields, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.description = description;
        this.active = active;
        this.fields = fields;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Whether anything changed; an identical save is not a new version. */
    boolean change(String newName, String newDescription, boolean newActive, String newFields, boolean sameFields,
            Instant now) {
        if (newName.equals(name) && java.util.Objects.equals(newDescription, description) && newActive == active
                && sameFields) {
            return false;
        }
        this.name = newName;
        this.description = newDescription;
        this.active = newActive;
        this.fields = newFields;
        this.updatedAt = now;
        return true;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    boolean active() {
        return active;
    }

    String fields() {
        return fields;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
