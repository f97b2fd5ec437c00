package io.linea.cc.queue;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Skills of the current tenant. */
interface Skills extends JpaRepository<Skill, UUID> {
}
