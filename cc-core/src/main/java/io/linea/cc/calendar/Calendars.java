package io.linea.cc.calendar;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Calendars of the current tenant (Hibernate tenant filter + RLS). */
interface Calendars extends JpaRepository<Calendar, UUID> {
}
