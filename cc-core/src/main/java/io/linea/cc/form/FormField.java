package io.linea.cc.form;

import java.util.List;
import java.util.Set;

import io.linea.cc.crm.ClientFieldView;

/**
 * One field of an intake form (CRM-02). Types and value rules are those of the client card's custom
 * fields; {@code options} are the choices of SELECT and MULTI_SELECT. {@code visibleTo} lists the roles
 * ({@code agent}, {@code supervisor}, {@code tenant-admin} …) that may see the field's value; empty means
 * everyone (CRM-06).
 */
public record FormField(String key, String label, ClientFieldView.Type type, boolean required, List<String> options,
        int position, List<String> visibleTo) {

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
        visibleTo = visibleTo == null ? List.of() : List.copyOf(visibleTo);
    }

    /** Whether a reader with these roles sees the value. */
    boolean visibleFor(Set<String> roles) {
        return visibleTo.isEmpty() || visibleTo.stream().anyMatch(roles::contains);
    }

    /** The same field as the client card's value rules take it. */
    ClientFieldView rules() {
        return new ClientFieldView(null, key, label, type, required, options, position, 0);
    }
}
