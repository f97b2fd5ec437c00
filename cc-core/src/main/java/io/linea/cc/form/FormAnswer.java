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

/**
 * A form filled for one interaction, optionally about one client (CRM-06). It stays on the form version it
 * was filled on; each set of values it had is also a {@link FormAnswerVersion}.
 */
@Entity
@Table(name = "form_answer")
class FormAnswer {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(updatable = false)
    private UUID formId;

    @Column(updatable = false)
    private long formVersion;

    @Column(updatable = false)
    private UUID interactionId;

    private UUID clientId;

    /** The values as a JSON object, key to value, checked against the form version's fields. */
    @Column(name = "field_values", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String fieldValues;

    @Column(updatable = false)
    private Instant createdAt;

    @Column(updatable = false)
    private UUID createdBy;

    @Column(updatable = false)
    private String createdByName;

    private Instant updatedAt;

    private UUID updatedBy;

    private String updatedByName;

    @Version
    private Long version;

    protected FormAnswer() {
    }

    FormAnswer(UUID formId, long formVersion, UUID interactionId, UUID clientId, String fieldValues, Caller author,
            Instant now) {
        this.id = UUID.randomUUID();
        this.formId = formId;
        this.formVersion = formVersion;
        this.interactionId = interactionId;
        this.clientId = clientId;
        this.fieldValues = fieldValues;
        this.createdAt = now;
        this.createdBy = author.personId();
        this.createdByName = author.name();
        this.updatedAt = now;
        this.updatedBy = author.personId();
        this.updatedByName = author.name();
    }

    void edit(String newValues, UUID newClientId, Caller author, Instant now) {
        this.fieldValues = newValues;
        this.clientId = newClientId;
        this.updatedAt = now;
        this.updatedBy = author.personId();
        this.updatedByName = author.name();
    }

    UUID id() {
        return id;
    }

    UUID formId() {
        return formId;
    }

    long formVersion() {
        return formVersion;
    }

    UUID interactionId() {
        return interactionId;
    }

    UUID clientId() {
        return clientId;
    }

    String fieldValues() {
        return fieldValues;
    }

    UUID createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdByName() {
        return createdByName;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    UUID updatedBy() {
        return updatedBy;
    }

    String updatedByName() {
        return updatedByName;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
