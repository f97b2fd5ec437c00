package io.linea.cc.form;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/**
 * A form's name and fields as saved at one version; written once, never changed. Answers filled on that
 * version are read and edited with these fields, whatever the form became (CRM-02, CRM-06).
 */
@Entity
@Immutable
@Table(name = "intake_form_version")
class FormVersion {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID formId;

    private long number;

    private String name;

    @Column(name = "fields", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String fields;

    private Instant createdAt;

    private UUID createdBy;

    private String createdByName;

    protected FormVersion() {
    }

    FormVersion(Form form, Instant at, Caller author) {
        this.id = UUID.randomUUID();
        this.formId = form.id();
        this.number = form.version();
        this.name = form.name();
        this.fields = form.fields();
        this.createdAt = at;
        this.createdBy = author.personId();
        this.createdByName = author.name();
    }

    UUID formId() {
        return formId;
    }

    long number() {
        return number;
    }

    String name() {
        return name;
    }

    String fields() {
        return fields;
    }
}
