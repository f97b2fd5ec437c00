package io.linea.cc.kb;

import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The kept revisions of the current tenant's articles. */
interface ArticleVersions extends JpaRepository<ArticleVersion, UUID>, JpaSpecificationExecutor<ArticleVersion> {

    static Specification<ArticleVersion> of(UUID articleId) {
        return (root, query, cb) -> cb.equal(root.get("articleId"), articleId);
    }

    static Specification<ArticleVersion> revision(int revision) {
        return (root, query, cb) -> cb.equal(root.get("revision"), revision);
    }
}
