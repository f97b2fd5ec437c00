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

/** One set of values an answer had, with who wrote it and when; written once, never changed (CRM-06). */
@Entity
@Immutable
@Table(name = "form_answer_version")
class FormAnswerVersion {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID answerId;

    private int number;

    @Column(name = "field_values", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String fieldValues;

    private UUID authorId;

    private String authorName;

    private Instant writtenAt;

    protected FormAnswerVersion() {
    }

    FormAnswerVersion(UUID answerId, int number, String fieldValues, Caller author, Instant writtenAt) {
        this.id = UUID.randomUUID();
        this.answerId = answerId;
        this.number = number;
        this.fieldValues = fieldValues;
        this.authorId = author.personId();
        this.authorName = author.name();
        this.writtenAt = writtenAt;
    }

    int number() {
        return number;
    }

    String fieldValues() {
        return fieldValues;
    }

    UUID authorId() {
        return authorId;
    }

    String authorName() {
        return authorName;
    }

    Instant writtenAt() {
        return writtenAt;
    }
}
