package io.linea.cc.crm;

import java.util.List;
import java.util.UUID;

/** A custom field of the tenant's client card (CRM-02). {@code options} are the choices of SELECT and MULTI_SELECT. */
public record ClientFieldView(UUID id, String key, String label, Type type, boolean required, List<String> options,
        int position, long version) {

    /** What a field holds and how its value is checked on every write of a client. */
    public enum Type {
        TEXT, NUMBER, DATE, SELECT, MULTI_SELECT, BOOLEAN, PHONE, EMAIL;

        boolean hasOptions() {
            return this == SELECT || this == MULTI_SELECT;
        }
    }
}
