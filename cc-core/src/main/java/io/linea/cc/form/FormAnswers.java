package io.linea.cc.form;

import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The current tenant's filled forms. */
interface FormAnswers extends JpaRepository<FormAnswer, UUID>, JpaSpecificationExecutor<FormAnswer> {

    boolean existsByFormId(UUID formId);

    /** Answers whose {@code attribute} is {@code value}; no condition when the value is null. */
    static Specification<FormAnswer> where(String attribute, Object value) {
        return (root, query, cb) -> value == null ? cb.conjunction() : cb.equal(root.get(attribute), value);
    }
}
