package io.linea.cc.form;

import java.util.List;
import java.util.UUID;

/**
 * An intake form as its designer sees it (CRM-02). {@code version} counts the saves; answers name the
 * version they were filled on and keep its fields.
 */
public record FormView(UUID id, String name, String description, boolean active, List<FormField> fields,
        long version) {
}
