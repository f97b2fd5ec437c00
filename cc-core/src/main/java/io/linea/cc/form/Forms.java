package io.linea.cc.form;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The current tenant's intake forms. */
interface Forms extends JpaRepository<Form, UUID> {
}
