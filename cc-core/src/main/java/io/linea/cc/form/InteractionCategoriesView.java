package io.linea.cc.form;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The categories an interaction carries now and every change of them, oldest first (AGT-05). */
public record InteractionCategoriesView(UUID interactionId, List<CategoryView> categories, List<Change> history) {

    /** A category as a change recorded it: its id and the name it had then. */
    public record Named(UUID id, String name) {
    }

    /** Who changed the categories and when, from what to what, and why ({@code note}, optional). */
    public record Change(Instant at, UUID changedBy, String changedByName, List<Named> before, List<Named> after,
            String note) {
    }
}
