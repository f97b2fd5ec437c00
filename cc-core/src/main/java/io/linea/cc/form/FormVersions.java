package io.linea.cc.form;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Every definition the current tenant's forms had. */
interface FormVersions extends JpaRepository<FormVersion, UUID> {

    Optional<FormVersion> findByFormIdAndNumber(UUID formId, long number);
}
