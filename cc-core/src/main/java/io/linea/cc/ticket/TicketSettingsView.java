package io.linea.cc.ticket;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant's help-desk configuration (HD-01, HD-02): the calendar SLA timers count in (null = around the
 * clock), targets per priority in business minutes, escalation rules and the hand-off target.
 */
public record TicketSettingsView(UUID calendarId, Map<TicketPriority, Targets> policies, List<Rule> escalation,
        Handoff handoff, long version) {

    public record Targets(int firstResponseMinutes, int resolutionMinutes) {
    }

    /** {@code notifyEmails}: addresses that get one e-mail when the rule fires (HD-01); never null. */
    public record Rule(UUID id, String name, EscalationTimer of, EscalationPoint point, int businessMinutes,
            TicketPriority raisePriorityTo, String webhookUrl, List<String> notifyEmails) {

        public Rule {
            notifyEmails = notifyEmails == null ? List.of() : List.copyOf(notifyEmails);
        }
    }

    /** Where tickets are handed off to; the secret header's value is never shown, only whether it is set. */
    public record Handoff(String url, String headerName, boolean headerValueSet, TicketStatus onStatus) {
    }
}
