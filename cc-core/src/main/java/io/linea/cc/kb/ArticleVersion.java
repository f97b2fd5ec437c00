package io.linea.cc.kb;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** The title and body of one revision of an article, with who wrote it and when (HD-03); never changed. */
@Entity
@Table(name = "kb_article_version")
class ArticleVersion {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(updatable = false)
    private UUID articleId;

    @Column(updatable = false)
    private int revision;

    @Column(updatable = false)
    private String title;

    @Column(updatable = false)
    private String body;

    @Column(updatable = false)
    private Instant editedAt;

    @Column(updatable = false)
    private UUID editedBy;

    @Column(updatable = false)
    private String editedByName;

    protected ArticleVersion() {
    }

    ArticleVersion(UUID articleId, int revision, String title, String body, Instant editedAt, UUID editedBy,
            String editedByName) {
        this.id = UUID.randomUUID();
        this.articleId = articleId;
        this.revision = revision;
        this.title = title;
        this.body = body;
        this.editedAt = editedAt;
        this.editedBy = editedBy;
        this.editedByName = editedByName;
    }

    KbView.Version summary() {
        return new KbView.Version(articleId, revision, title, null, editedBy, editedByName, editedAt);
    }

    KbView.Version view() {
        return new KbView.Version(articleId, revision, title, body, editedBy, editedByName, editedAt);
    }
}
