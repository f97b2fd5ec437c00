package io.linea.cc.telephony;

import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;

/** Reads the current tenant's interactions and their events. */
@Service
public class InteractionManagement {

    private final Interactions interactions;
    private final InteractionEvents events;

    InteractionManagement(Interactions interactions, InteractionEvents events) {
        this.interactions = interactions;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Paged<InteractionView> list(int page, int size, String direction) {
        Pageable pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("startedAt"), Sort.Order.asc("id")));
        if (direction == null) {
            return Paged.of(interactions.findAll(pageable), Interaction::view);
        }
        return Paged.of(interactions.findByDirection(Interaction.Direction.valueOf(direction), pageable),
                Interaction::view);
    }

    /** Which of {@code ids} are interactions of the current tenant (tickets link only those, HD-01). */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> existing(java.util.Collection<UUID> ids) {
        java.util.Set<UUID> found = new java.util.HashSet<>();
        interactions.findAllById(ids).forEach(interaction -> found.add(interaction.id()));
        return found;
    }

    @Transactional(readOnly = true)
    public InteractionView.Detail get(UUID id) {
        Interaction interaction = interactions.findById(id)
                .orElseThrow(() -> LineaProblemException.notFound("interaction"));
        return InteractionView.Detail.of(interaction.view(),
                events.findByInteractionIdOrderByAtAscIdAsc(id).stream().map(InteractionEvent::view).toList());
    }
}
