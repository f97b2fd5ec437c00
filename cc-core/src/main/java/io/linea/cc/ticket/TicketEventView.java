package io.linea.cc.ticket;

import java.time.Instant;
import java.util.UUID;

/** One recorded change of a ticket: who (null for the system), what, when (HD-01). */
public record TicketEventView(UUID id, Instant at, UUID actorId, String actorName, String type, String detail) {
}
