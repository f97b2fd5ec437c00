package io.linea.cc.ticket;

/** How urgent a ticket is; each priority has its own SLA targets (HD-01). */
public enum TicketPriority {
    LOW, NORMAL, HIGH, URGENT
}
