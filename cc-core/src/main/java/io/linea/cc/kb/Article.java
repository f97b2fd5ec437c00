package io.linea.cc.kb;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import io.linea.cc.kb.KbView.Status;
import io.linea.cc.kb.KbView.Visibility;
import io.linea.cc.settings.Language;

/**
 * A known solution in one language (HD-03). Its title and body carry a revision number that grows with
 * every change of either; {@link ArticleVersion} keeps each revision's text. The search vector is a
 * generated column the database maintains, so it is not mapped here.
 */
@Entity
@Table(name = "kb_article")
class Article {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String title;

    private String body;

    @Enumerated(EnumType.STRING)
    private Language language;

    private UUID translationOf;

    private UUID categoryId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(50)[]")
    private String[] tags;

    @Enumerated(EnumType.STRING)
    private Visibility visibility;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int revision;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    private UUID updatedBy;

    private String updatedByName;

    @Version
    private Long version;

    protected Article() {
    }

    Article(ArticleDraft draft, UUID translationOf, Instant at, UUID by, String byName) {
        this.id = UUID.randomUUID();
        this.title = draft.title();
        this.body = draft.body();
        this.language = draft.language();
        this.translationOf = translationOf;
        this.categoryId = draft.categoryId();
        this.tags = draft.tags().toArray(String[]::new);
        this.visibility = draft.visibility();
        this.status = draft.status();
        this.revision = 1;
        this.createdAt = at;
        this.updatedAt = at;
        this.updatedBy = by;
        this.updatedByName = byName;
    }

    /**
     * Applies an edit; returns true when the title or body changed, which makes a new revision (HD-03).
     * Metadata alone (category, tags, visibility, status) keeps the revision.
     */
    boolean change(ArticleDraft draft, UUID translationOf, Instant at, UUID by, String byName) {
        boolean textChanged = !title.equals(draft.title()) || !body.equals(draft.body());
        if (textChanged) {
            revision++;
        }
        this.title = draft.title();
        this.body = draft.body();
        this.language = draft.language();
        this.translationOf = translationOf;
        this.categoryId = draft.categoryId();
        this.tags = draft.tags().toArray(String[]::new);
        this.visibility = draft.visibility();
        this.status = draft.status();
        this.updatedAt = at;
        this.updatedBy = by;
        this.updatedByName = byName;
        return textChanged;
    }

    /** Joins another group of translations, or becomes an original ({@code null}) when its own was deleted. */
    void regroup(UUID original) {
        this.translationOf = original;
    }

    ArticleVersion currentText() {
        return new ArticleVersion(id, revision, title, body, updatedAt, updatedBy, updatedByName);
    }

    UUID id() {
        return id;
    }

    UUID translationOf() {
        return translationOf;
    }

    /** The id that names this article's group of translations: its original's, or its own. */
    UUID group() {
        return translationOf == null ? id : translationOf;
    }

    Language language() {
        return language;
    }

    long version() {
        return version == null ? 0 : version;
    }

    KbView.Article view(List<KbView.Translation> translations) {
        return new KbView.Article(id, title, body, language, translationOf, translations, categoryId,
                List.of(tags), visibility, status, revision, updatedBy, updatedByName, updatedAt, version());
    }

    KbView.Translation translation() {
        return new KbView.Translation(id, language, title, status);
    }
}
