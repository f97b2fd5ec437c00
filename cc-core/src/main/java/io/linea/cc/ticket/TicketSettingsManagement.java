package io.linea.cc.ticket;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.calendar.CalendarManagement;
import io.linea.cc.calendar.CalendarUsage;
import io.linea.cc.shared.InvalidInput;
import io.linea.cc.ticket.TicketPolicy.HandoffTarget;
import io.linea.cc.ticket.TicketSettingsView.Rule;
import io.linea.cc.ticket.TicketSettingsView.Targets;
import io.linea.platform.tenancy.TenantContext;

/**
 * The current tenant's help-desk configuration (HD-01, HD-02): ticket calendar, SLA targets per priority,
 * escalation rules and hand-off target. A tenant that never saved any gets around-the-clock defaults.
 */
@Service
public class TicketSettingsManagement implements CalendarUsage {

    private static final Logger log = LoggerFactory.getLogger(TicketSettingsManagement.class);

    static final Set<TicketStatus> HANDOFF_STATUSES = Set.of(TicketStatus.PENDING, TicketStatus.RESOLVED,
            TicketStatus.CLOSED);

    private final TicketPolicies policies;
    private final EscalationRules rules;
    private final CalendarManagement calendars;

    TicketSettingsManagement(TicketPolicies policies, EscalationRules rules, CalendarManagement calendars) {
        this.policies = policies;
        this.rules = rules;
        this.calendars = calendars;
    }

    /** What SLA computations and the escalation job need, secrets included: never leaves the module. */
    record Policy(UUID calendarId, Map<TicketPriority, Targets> targets, List<Rule> rules, HandoffTarget handoff) {
    }

    @Transactional(readOnly = true)
    public TicketSettingsView current() {
        Policy policy = policy();
        long version = policies.findById(TenantContext.requireTenant()).map(TicketPolicy::version).orElse(0L);
        return new TicketSettingsView(policy.calendarId(), policy.targets(), policy.rules(),
                policy.handoff() == null ? null : policy.handoff().view(), version);
    }

    @Transactional(readOnly = true)
    Policy policy() {
        TicketPolicy row = policies.findById(TenantContext.requireTenant()).orElse(null);
        List<Rule> ruleViews = rules.findAllByOrderByPositionAsc().stream().map(EscalationRule::view).toList();
        if (row == null) {
            return new Policy(null, new EnumMap<>(TicketPolicy.DEFAULT_TARGETS), ruleViews, null);
        }
        return new Policy(row.calendarId(), row.targets(), ruleViews, row.handoffTarget());
    }

    /** The change a tenant admin asks for; {@code handoff.headerValue} null keeps the stored secret. */
    public record Change(UUID calendarId, Map<TicketPriority, Targets> policies, List<Rule> escalation,
            HandoffChange handoff, long version) {
    }

    public record HandoffChange(String url, String headerName, String headerValue, TicketStatus onStatus) {
    }

    /** Replaces the configuration as a whole (optimistic locking on {@code version}). */
    @Transactional
    public TicketSettingsView change(Change change) {
        if (change.calendarId() != null && !calendars.exists(change.calendarId())) {
            throw InvalidInput.field("calendarId", "ticket.calendar-missing");
        }
        Map<TicketPriority, Targets> targets = new EnumMap<>(TicketPriority.class);
        for (TicketPriority priority : TicketPriority.values()) {
            Targets target = change.policies() == null ? null : change.policies().get(priority);
            if (target == null) {
                throw InvalidInput.field("policies." + priority.name(), "ticket.policy-missing", priority.name());
            }
            targets.put(priority, target);
        }
        HandoffChange handoff = change.handoff();
        String handoffUrl = handoff == null ? null : TicketUrls.require("handoff.url", handoff.url());
        if (handoffUrl != null && handoff.onStatus() != null && !HANDOFF_STATUSES.contains(handoff.onStatus())) {
            throw InvalidInput.field("handoff.onStatus", "ticket.handoff-status-invalid", handoff.onStatus().name());
        }
        List<Rule> wanted = change.escalation() == null ? List.of() : change.escalation();
        Map<UUID, EscalationRule> existing = new HashMap<>();
        rules.findAll().forEach(rule -> existing.put(rule.id(), rule));
        Set<UUID> seen = new HashSet<>();
        List<Rule> checked = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Rule rule = wanted.get(i);
            if (rule.id() != null && (!existing.containsKey(rule.id()) || !seen.add(rule.id()))) {
                throw InvalidInput.field("escalation[" + i + "].id", "ticket.rule-unknown");
            }
            String url = TicketUrls.require("escalation[" + i + "].webhookUrl", rule.webhookUrl());
            List<String> emails = EmailRecipients.require("escalation[" + i + "].notifyEmails", rule.notifyEmails());
            if (rule.raisePriorityTo() == null && url == null && emails.isEmpty()) {
                throw InvalidInput.field("escalation[" + i + "]", "ticket.rule-no-action");
            }
            checked.add(new Rule(rule.id(), rule.name().strip(), rule.of(), rule.point(), rule.businessMinutes(),
                    rule.raisePriorityTo(), url, emails));
        }

        TicketPolicy row = policies.findById(TenantContext.requireTenant()).orElse(null);
        long version = row == null ? 0 : row.version();
        if (version != change.version()) {
            throw new ObjectOptimisticLockingFailureException(TicketPolicy.class, TenantContext.requireTenant());
        }
        if (row == null) {
            row = new TicketPolicy(change.calendarId(), targets);
        } else {
            row.change(change.calendarId(), targets);
        }
        row.handoff(handoffUrl, handoffUrl == null ? null : blankToNull(handoff.headerName()),
                handoffUrl == null ? null : handoff.headerValue(), handoffUrl == null ? null : handoff.onStatus());
        policies.saveAndFlush(row);

        existing.keySet().stream().filter(id -> !seen.contains(id)).forEach(id -> rules.delete(existing.get(id)));
        for (int i = 0; i < checked.size(); i++) {
            Rule rule = checked.get(i);
            EscalationRule entity = rule.id() == null ? new EscalationRule(UUID.randomUUID()) : existing.get(rule.id());
            entity.change(i, rule);
            rules.save(entity);
        }
        rules.flush();
        log.info("Help-desk settings changed: calendar {}, {} escalation rules, hand-off {}", change.calendarId(),
                checked.size(), handoffUrl == null ? "off" : "on");
        return current();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean uses(UUID calendarId) {
        return policies.findById(TenantContext.requireTenant())
                .map(row -> calendarId.equals(row.calendarId())).orElse(false);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
