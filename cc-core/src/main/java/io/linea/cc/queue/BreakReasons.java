package io.linea.cc.queue;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Break reasons of the current tenant. */
interface BreakReasons extends JpaRepository<BreakReason, UUID> {
}
