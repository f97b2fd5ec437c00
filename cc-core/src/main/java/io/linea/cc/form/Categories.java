package io.linea.cc.form;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The current tenant's categories. */
interface Categories extends JpaRepository<Category, UUID> {

    boolean existsByParentId(UUID parentId);
}
