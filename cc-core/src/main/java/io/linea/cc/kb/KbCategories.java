package io.linea.cc.kb;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The current tenant's knowledge-base categories. */
interface KbCategories extends JpaRepository<KbCategory, UUID> {
}
