package io.linea.cc.telephony;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface InteractionEvents extends JpaRepository<InteractionEvent, UUID> {

    List<InteractionEvent> findByInteractionIdOrderByAtAscIdAsc(UUID interactionId);
}
