package io.linea.cc.ticket;

import java.util.UUID;

/** Who changes a ticket: a person of the request, or {@code null} for the system (escalation job). */
public record Actor(UUID id, String name) {
}
