package io.linea.cc.form;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The audit of the current tenant's category changes. */
interface CategoryChanges extends JpaRepository<CategoryChange, UUID> {

    List<CategoryChange> findByInteractionIdOrderBySeqAsc(UUID interactionId);
}
