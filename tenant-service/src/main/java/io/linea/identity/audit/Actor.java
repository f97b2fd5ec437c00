package io.linea.identity.audit;

import java.util.UUID;

import io.linea.platform.security.LineaPrincipal;

/** Who did something: a person (id and username at the time), or the system. */
public record Actor(UUID id, String name) {

    public static final Actor SYSTEM = new Actor(null, "system");

    /** The caller of the current API request, or the system. */
    public static Actor current() {
        return LineaPrincipal.current().map(p -> new Actor(p.personId(), p.username())).orElse(SYSTEM);
    }
}
