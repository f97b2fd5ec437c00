package io.linea.cc.form;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The categories the current tenant's interactions carry now. */
interface InteractionCategories extends JpaRepository<InteractionCategory, UUID> {

    List<InteractionCategory> findByInteractionId(UUID interactionId);

    boolean existsByCategoryId(UUID categoryId);
}
