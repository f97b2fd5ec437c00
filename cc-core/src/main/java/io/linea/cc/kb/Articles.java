package io.linea.cc.kb;

import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The current tenant's articles (specifications, no derived queries). */
interface Articles extends JpaRepository<Article, UUID>, JpaSpecificationExecutor<Article> {

    static Specification<Article> inGroup(UUID group) {
        return (root, query, cb) -> cb.or(cb.equal(root.get("id"), group), cb.equal(root.get("translationOf"), group));
    }

    static Specification<Article> inCategory(UUID categoryId) {
        return (root, query, cb) -> cb.equal(root.get("categoryId"), categoryId);
    }

    static Specification<Article> translationsOf(UUID id) {
        return (root, query, cb) -> cb.equal(root.get("translationOf"), id);
    }
}
