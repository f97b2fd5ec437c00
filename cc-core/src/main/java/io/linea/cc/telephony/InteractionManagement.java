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

    /**
     * Appends a {@code CATEGORIZED} event to the interaction's log (AGT-05): someone changed its categories,
     * during or after the contact; {@code detail} says from what to what. The event names the person
     * ({@code agentName}) but carries no agent id: supervisors categorise too, and they need not be agents.
     * Written in the caller's transaction, so the event exists exactly when the change does; 404 for an
     * interaction the current tenant does not have.
     */
    @Transactional
    public void recordCategorized(UUID id, java.time.Instant at, String personName, String detail) {
        if (!interactions.existsById(id)) {
            throw LineaProblemException.notFound("interaction");
        }
        events.save(new InteractionEvent(id, InteractionEvent.Type.CATEGORIZED, at, null, personName, detail));
    }

    @Transactional(readOnly = true)
    public InteractionView.Detail get(UUID id) {
        Interaction interaction = interactions.findById(id)
                .orElseThrow(() -> LineaProblemException.notFound("interaction"));
        return InteractionView.Detail.of(interaction.view(),
                events.findByInteractionIdOrderByAtAscIdAsc(id).stream().map(InteractionEvent::view).toList());
    }
}
