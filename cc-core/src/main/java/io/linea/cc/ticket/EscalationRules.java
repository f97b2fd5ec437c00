package io.linea.cc.ticket;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The current tenant's escalation rules. */
interface EscalationRules extends JpaRepository<EscalationRule, UUID> {

    List<EscalationRule> findAllByOrderByPositionAsc();
}
