package io.linea.cc.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.linea.cc.calendar.BusinessClock;
import io.linea.cc.ticket.TicketSettingsManagement.Policy;
import io.linea.cc.ticket.TicketSettingsView.Rule;
import io.linea.cc.ticket.TicketSettingsView.Targets;

/** When escalation rules come due for a ticket (HD-01); pure, so the job and every change agree. */
final class Escalations {

    private Escalations() {
    }

    /**
     * The instant {@code rule} comes due for {@code ticket}, or null while it cannot: a resolved ticket, a
     * first-response rule once answered, a resolution rule while the timer is paused (it is computed again
     * when the ticket resumes, with the pause added).
     */
    static Instant dueAt(Ticket ticket, Rule rule, Policy policy, BusinessClock clock) {
        if (ticket.status().done()) {
            return null;
        }
        Targets targets = policy.targets().get(ticket.priority());
        return switch (rule.of()) {
            case FIRST_RESPONSE -> ticket.firstResponseAt() != null ? null
                    : clock.addMinutes(ticket.createdAt(),
                            rule.point().offsetMinutes(targets.firstResponseMinutes(), rule.businessMinutes()));
            case RESOLUTION -> ticket.pausedSince() != null ? null
                    : clock.add(ticket.createdAt(), Duration.ofMinutes(
                            rule.point().offsetMinutes(targets.resolutionMinutes(), rule.businessMinutes()))
                            .plus(ticket.paused()));
        };
    }

    /** The earliest due instant of the rules that have not fired for the ticket, or null for none. */
    static Instant next(Ticket ticket, Policy policy, BusinessClock clock, Set<UUID> fired) {
        Instant next = null;
        for (Rule rule : policy.rules()) {
            if (fired.contains(rule.id())) {
                continue;
            }
            Instant at = dueAt(ticket, rule, policy, clock);
            if (at != null && (next == null || at.isBefore(next))) {
                next = at;
            }
        }
        return next;
    }
}
