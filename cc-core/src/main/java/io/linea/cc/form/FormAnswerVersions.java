package io.linea.cc.form;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Every set of values the current tenant's answers had. */
interface FormAnswerVersions extends JpaRepository<FormAnswerVersion, UUID> {

    List<FormAnswerVersion> findByAnswerIdOrderByNumberDesc(UUID answerId);

    long countByAnswerId(UUID answerId);
}
