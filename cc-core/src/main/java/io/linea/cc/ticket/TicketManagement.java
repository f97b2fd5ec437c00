package io.linea.cc.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.linea.cc.calendar.BusinessClock;
import io.linea.cc.calendar.CalendarManagement;
import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.cc.telephony.InteractionManagement;
import io.linea.cc.ticket.TicketSettingsManagement.Policy;
import io.linea.cc.ticket.TicketSettingsView.Rule;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/**
 * Help-desk tickets of the current tenant (HD-01): create (also from an interaction), change, comment, with
 * SLA due times in business time of the ticket calendar and a history of every change; hand-off to the
 * tenant's records system (HD-02). The hand-off's HTTP calls run between two transactions, never inside one.
 */
@Service
public class TicketManagement {

    private static final Logger log = LoggerFactory.getLogger(TicketManagement.class);

    /** The first number of a tenant's tickets: four digits read better than "#1". */
    private static final long FIRST_NUMBER = 1001;

    /** Sortable fields of the list, as the API names them. */
    private static final Map<String, String> SORTS = Map.of("number", "number", "createdAt", "createdAt",
            "updatedAt", "updatedAt", "firstResponseDue", "firstResponseDue", "resolutionDue", "resolutionDue");

    /** The columns of the sortable fields. */
    private static final Map<String, String> COLUMNS = Map.of("number", "t.number", "createdAt", "t.created_at",
            "updatedAt", "t.updated_at", "firstResponseDue", "t.first_response_due", "resolutionDue",
            "t.resolution_due");

    private final Tickets tickets;
    private final TicketComments comments;
    private final TicketEvents events;
    private final FiredEscalations escalations;
    private final TicketSettingsManagement settings;
    private final CalendarManagement calendars;
    private final InteractionManagement interactions;
    private final OutboundHttp http;
    private final EscalationMail mail;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    TicketManagement(Tickets tickets, TicketComments comments, TicketEvents events, FiredEscalations escalations,
            TicketSettingsManagement settings, CalendarManagement calendars, InteractionManagement interactions,
            OutboundHttp http, EscalationMail mail, JdbcClient jdbc, PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        this.tickets = tickets;
        this.comments = comments;
        this.events = events;
        this.escalations = escalations;
        this.settings = settings;
        this.calendars = calendars;
        this.interactions = interactions;
        this.http = http;
        this.mail = mail;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** List filters; null means any. */
    public record Filter(TicketStatus status, TicketPriority priority, UUID assignee, String group, UUID clientId,
            String q) {
    }

    /**
     * Tickets matching every given filter. {@code q} is a ticket number ({@code 1042}, {@code #1042}) or words
     * found by PostgreSQL full-text search in the subject, description, comments and attachments' text,
     * accents and case ignored, each word a prefix (CRM-03); with {@code q} and no {@code sort} the best
     * matches come first.
     */
    public Paged<TicketView> list(Filter filter, int page, int size, String sort) {
        Sort order = sort(sort);
        return read(() -> {
            StringBuilder where = new StringBuilder(" where t.tenant_id = :tenant");
            Map<String, Object> params = new HashMap<>();
            params.put("tenant", TenantContext.requireTenant());
            if (filter.status() != null) {
                where.append(" and t.status = :status");
                params.put("status", filter.status().name());
            }
            if (filter.priority() != null) {
                where.append(" and t.priority = :priority");
                params.put("priority", filter.priority().name());
            }
            if (filter.assignee() != null) {
                where.append(" and t.assignee_id = :assignee");
                params.put("assignee", filter.assignee());
            }
            if (filter.group() != null && !filter.group().isBlank()) {
                where.append(" and t.group_name = :group");
                params.put("group", filter.group().strip());
            }
            if (filter.clientId() != null) {
                where.append(" and t.client_id = :client");
                params.put("client", filter.clientId());
            }
            String with = "";
            String from = " from cc.ticket t";
            String rank = "0";
            boolean text = filter.q() != null && !filter.q().isBlank();
            if (text) {
                with = TicketSearch.QUERY;
                from += " cross join q";
                where.append(" and ").append(TicketSearch.MATCH);
                rank = TicketSearch.RANK;
                TicketSearch.bind(filter.q(), params);
            }
            long total = jdbc.sql(with + "select count(*)" + from + where).params(params).query(Long.class).single();
            String orderBy = text && (sort == null || sort.isBlank()) ? "rank desc, t.created_at desc, t.number desc"
                    : order.stream().map(o -> COLUMNS.get(o.getProperty()) + (o.isAscending() ? " asc" : " desc"))
                            .collect(java.util.stream.Collectors.joining(", "));
            List<UUID> ids = jdbc.sql(with + "select t.id, " + rank + " as rank" + from + where + " order by " + orderBy
                    + " limit :limit offset :offset").params(params).param("limit", size)
                    .param("offset", (long) page * size).query((row, i) -> row.getObject(1, UUID.class)).list();
            Map<UUID, Ticket> byId = new HashMap<>();
            tickets.findAllById(ids).forEach(t -> byId.put(t.id(), t));
            List<Ticket> found = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
            return new Paged<>(views(found), page, size, total);
        });
    }

    /** A ticket found by {@link #search}: its number, subject, a snippet with {@code <mark>} around hits. */
    public record Hit(UUID id, long number, String subject, TicketStatus status, String snippet, double rank) {
    }

    /**
     * The current tenant's tickets best matching {@code q}, at most {@code limit}, for the one search across
     * clients, tickets and articles (CRM-03). Same matching as the list's {@code q}.
     */
    public List<Hit> search(String q, int limit) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return read(() -> {
            Map<String, Object> params = new HashMap<>();
            params.put("tenant", TenantContext.requireTenant());
            TicketSearch.bind(q, params);
            return jdbc.sql(TicketSearch.QUERY + "select t.id, t.number, t.subject, t.status, " + TicketSearch.RANK
                    + " as rank, " + TicketSearch.SNIPPET + " as snippet from cc.ticket t cross join q"
                    + " where t.tenant_id = :tenant and " + TicketSearch.MATCH
                    + " order by rank desc, t.created_at desc, t.number desc limit :limit").params(params)
                    .param("limit", limit)
                    .query((row, i) -> new Hit(row.getObject("id", UUID.class), row.getLong("number"),
                            row.getString("subject"), TicketStatus.valueOf(row.getString("status")),
                            row.getString("snippet"), row.getDouble("rank")))
                    .list();
        });
    }

    public TicketView get(UUID id) {
        return read(() -> views(List.of(require(id))).getFirst());
    }

    public TicketView create(TicketDraft draft, Actor actor) {
        Instant now = now();
        checkDue(draft, null, now);
        return write(() -> {
            checkInteractions(draft.interactionIds());
            Policy policy = settings.policy();
            BusinessClock business = calendars.businessClock(policy.calendarId());
            Ticket ticket = new Ticket(nextNumber(), draft, actor == null ? null : actor.id(), now);
            ticket.computeSla(policy.targets().get(ticket.priority()), business);
            schedule(ticket, policy, business, Set.of());
            tickets.saveAndFlush(ticket);
            record(ticket, now, actor, "CREATED", "#" + ticket.number() + " " + ticket.priority()
                    + (draft.interactionIds().isEmpty() ? "" : ", from interactions " + draft.interactionIds()));
            if (ticket.assigneeId() != null) {
                record(ticket, now, actor, "ASSIGNED", String.valueOf(ticket.assigneeId()));
            }
            log.info("Ticket #{} ({}) created", ticket.number(), ticket.id());
            return views(List.of(ticket)).getFirst();
        });
    }

    /** A full replace of the editable fields, status included (optimistic locking on {@code version}). */
    public TicketView update(UUID id, long expectedVersion, TicketDraft draft, Actor actor) {
        Instant now = now();
        TicketStatus[] reached = new TicketStatus[1];
        TicketView view = write(() -> {
            Ticket ticket = require(id);
            if (ticket.version() != expectedVersion) {
                throw new ObjectOptimisticLockingFailureException(Ticket.class, id);
            }
            checkDue(draft, ticket.resolutionDueOverride(), now);
            checkInteractions(draft.interactionIds());
            Policy policy = settings.policy();
            BusinessClock business = calendars.businessClock(policy.calendarId());
            TicketStatus before = ticket.status();
            if (draft.status() != null && ticket.moveTo(draft.status(), business, now)) {
                record(ticket, now, actor, "STATUS_CHANGED", before + " → " + draft.status());
                reached[0] = draft.status();
            }
            TicketPriority priorityBefore = ticket.priority();
            if (draft.priority() != null && ticket.prioritise(draft.priority(), now)) {
                record(ticket, now, actor, "PRIORITY_CHANGED", priorityBefore + " → " + draft.priority());
            }
            UUID assigneeBefore = ticket.assigneeId();
            if (ticket.assign(draft.assigneeId(), now)) {
                record(ticket, now, actor, "ASSIGNED", assigneeBefore + " → " + draft.assigneeId());
            }
            List<String> changes = ticket.edit(draft, now);
            if (!changes.isEmpty()) {
                record(ticket, now, actor, "UPDATED", String.join("; ", changes));
            }
            ticket.computeSla(policy.targets().get(ticket.priority()), business);
            schedule(ticket, policy, business, firedRules(id));
            tickets.saveAndFlush(ticket);
            return views(List.of(ticket)).getFirst();
        });
        Policy policy = read(settings::policy);
        if (reached[0] != null && policy.handoff() != null && policy.handoff().onStatus() == reached[0]) {
            return handoff(id, actor);
        }
        return view;
    }

    /** A comment; the first public one of an agent is the first response and opens a new ticket. */
    public TicketCommentView comment(UUID id, String text, boolean internal, Actor actor) {
        Instant now = now();
        return write(() -> {
            Ticket ticket = require(id);
            if (ticket.status() == TicketStatus.CLOSED) {
                throw LineaProblemException.conflict("ticket.closed");
            }
            TicketComment comment = comments.save(new TicketComment(id, actor == null ? null : actor.id(),
                    actor == null ? null : actor.name(), text, internal, now));
            record(ticket, now, actor, "COMMENTED", internal ? "internal" : "public");
            if (!internal) {
                Policy policy = settings.policy();
                BusinessClock business = calendars.businessClock(policy.calendarId());
                if (ticket.responded(now)) {
                    record(ticket, now, actor, "FIRST_RESPONSE", null);
                }
                if (ticket.status() == TicketStatus.NEW) {
                    ticket.moveTo(TicketStatus.OPEN, business, now);
                    record(ticket, now, actor, "STATUS_CHANGED", TicketStatus.NEW + " → " + TicketStatus.OPEN);
                }
                schedule(ticket, policy, business, firedRules(id));
            }
            // a comment changes the ticket (updatedAt), so a stale editor learns of it through the version
            tickets.saveAndFlush(ticket);
            return comment.view();
        });
    }

    public List<TicketCommentView> comments(UUID id) {
        return read(() -> {
            require(id);
            return comments.findByTicketIdOrderByCreatedAtAscIdAsc(id).stream().map(TicketComment::view).toList();
        });
    }

    public List<TicketEventView> events(UUID id) {
        return read(() -> {
            require(id);
            return events.findByTicketIdOrderBySeqAsc(id).stream().map(TicketEvent::view).toList();
        });
    }

    /**
     * Sends the ticket to the tenant's records system (HD-02): marked pending, posted with retries outside any
     * transaction, then marked sent (with the system's reference) or failed. 409 when no target is configured.
     */
    public TicketView handoff(UUID id, Actor actor) {
        record Prepared(PayloadTarget target, Map<String, Object> payload) {
        }
        Prepared prepared = write(() -> {
            Ticket ticket = require(id);
            Policy policy = settings.policy();
            if (policy.handoff() == null) {
                throw LineaProblemException.conflict("ticket.handoff-not-configured");
            }
            ticket.handoffStarted(now());
            tickets.saveAndFlush(ticket);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", "ticket.handoff");
            payload.put("tenantId", TenantContext.requireTenant());
            payload.put("ticket", views(List.of(ticket)).getFirst());
            payload.put("comments", comments.findByTicketIdOrderByCreatedAtAscIdAsc(id).stream()
                    .map(TicketComment::view).toList());
            return new Prepared(new PayloadTarget(policy.handoff().url(), policy.handoff().headerName(),
                    policy.handoff().headerValue()), payload);
        });
        Delivery delivery = http.postJson(prepared.target().url(), prepared.target().headers(), prepared.payload());
        return write(() -> {
            Ticket ticket = require(id);
            Instant now = now();
            ticket.handoffFinished(delivery, now);
            record(ticket, now, actor, delivery.ok() ? "HANDOFF_SENT" : "HANDOFF_FAILED", delivery.ok()
                    ? "reference " + delivery.reference() + " after " + delivery.attempts() + " attempt(s)"
                    : delivery.lastError() + " after " + delivery.attempts() + " attempt(s)");
            tickets.saveAndFlush(ticket);
            log.info("Ticket #{} handed off: {}", ticket.number(), delivery.ok() ? "sent" : "failed");
            return views(List.of(ticket)).getFirst();
        });
    }

    /** Where to post and the secret header, if any. */
    record PayloadTarget(String url, String headerName, String headerValue) {

        Map<String, String> headers() {
            return headerName == null || headerValue == null ? Map.of() : Map.of(headerName, headerValue);
        }
    }

    /**
     * Replaces the help-desk settings and re-times the open tickets: their due times follow the new targets
     * and calendar, and the escalation job sees the new rules.
     */
    public TicketSettingsView changeSettings(TicketSettingsManagement.Change change) {
        return write(() -> {
            TicketSettingsView view = settings.change(change);
            Policy policy = settings.policy();
            BusinessClock business = calendars.businessClock(policy.calendarId());
            List<Ticket> open = tickets.findAll(Specification.not(Tickets.status(TicketStatus.CLOSED)));
            Map<UUID, Set<UUID>> fired = new LinkedHashMap<>();
            escalations.findByTicketIdIn(open.stream().map(Ticket::id).toList())
                    .forEach(e -> fired.computeIfAbsent(e.ticketId(), k -> new HashSet<>()).add(e.ruleId()));
            for (Ticket ticket : open) {
                ticket.computeSla(policy.targets().get(ticket.priority()), business);
                schedule(ticket, policy, business, fired.getOrDefault(ticket.id(), Set.of()));
            }
            tickets.flush();
            return view;
        });
    }

    // --- escalation (called by EscalationJob in the ticket's tenant) -----------------------------------------

    /** A webhook an escalation must call once its transaction has committed. */
    record WebhookCall(UUID escalationId, UUID ticketId, String url, Map<String, Object> payload) {
    }

    /**
     * Fires the rules of one ticket that are due at {@code now}, in one transaction of the current tenant.
     * The ticket row is locked with SKIP LOCKED (another instance working on it is left alone) and each
     * (ticket, rule) is claimed by an insert that does nothing on conflict: a rule fires once per ticket.
     */
    /** What one run did to one ticket: how many rules fired, the webhooks to call and e-mails to send now. */
    record Fired(int count, List<WebhookCall> calls, List<EscalationMail.Message> mails) {

        Fired {
            mails = mails == null ? List.of() : mails;
        }
    }

    Fired fireDue(UUID id, Instant now) {
        return write(() -> {
            boolean locked = !jdbc.sql("select id from cc.ticket where id = :id for update skip locked")
                    .param("id", id).query((row, i) -> row.getObject(1, UUID.class)).list().isEmpty();
            if (!locked) {
                return new Fired(0, List.of(), List.of());
            }
            Ticket ticket = tickets.findById(id).orElse(null);
            if (ticket == null) {
                return new Fired(0, List.of(), List.of());
            }
            Policy policy = settings.policy();
            BusinessClock business = calendars.businessClock(policy.calendarId());
            Set<UUID> fired = new HashSet<>(firedRules(id));
            List<WebhookCall> calls = new ArrayList<>();
            Map<UUID, Rule> mailed = new LinkedHashMap<>();
            int count = 0;
            for (Rule rule : policy.rules()) {
                if (fired.contains(rule.id())) {
                    continue;
                }
                Instant at = Escalations.dueAt(ticket, rule, policy, business);
                if (at == null || at.isAfter(now)) {
                    continue;
                }
                UUID escalationId = UUID.randomUUID();
                int claimed = jdbc.sql("""
                        insert into cc.ticket_escalation (id, tenant_id, ticket_id, rule_id, rule_name, fired_at,
                            webhook_url, webhook_status)
                        values (:id, :tenant, :ticket, :rule, :name, :at, :url, :status)
                        on conflict (ticket_id, rule_id) do nothing""").param("id", escalationId)
                        .param("tenant", TenantContext.requireTenant()).param("ticket", id).param("rule", rule.id())
                        .param("name", rule.name()).param("at", java.sql.Timestamp.from(now))
                        .param("url", rule.webhookUrl()).param("status", rule.webhookUrl() == null ? null : "PENDING")
                        .update();
                fired.add(rule.id());
                if (claimed == 0) {
                    continue;
                }
                count++;
                List<String> actions = new ArrayList<>();
                if (rule.raisePriorityTo() != null && rule.raisePriorityTo().compareTo(ticket.priority()) > 0) {
                    TicketPriority before = ticket.priority();
                    ticket.prioritise(rule.raisePriorityTo(), now);
                    ticket.computeSla(policy.targets().get(ticket.priority()), business);
                    jdbc.sql("update cc.ticket_escalation set raised_priority_to = :p where id = :id")
                            .param("p", rule.raisePriorityTo().name()).param("id", escalationId).update();
                    actions.add("priority " + before + " → " + rule.raisePriorityTo());
                }
                if (rule.webhookUrl() != null) {
                    actions.add("webhook");
                }
                if (!rule.notifyEmails().isEmpty()) {
                    boolean configured = mail.configured();
                    escalations.findById(escalationId)
                            .ifPresent(e -> e.mailPlanned(rule.notifyEmails(), configured ? "PENDING" : "SKIPPED"));
                    actions.add(configured ? "e-mail" : "e-mail skipped (no mail server)");
                    if (configured) {
                        mailed.put(escalationId, rule);
                    }
                }
                record(ticket, now, null, "ESCALATED", rule.name() + (actions.isEmpty() ? "" : ": "
                        + String.join(", ", actions)));
                log.info("Ticket #{}: escalation rule {} fired", ticket.number(), rule.id());
                if (rule.webhookUrl() != null) {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("event", "ticket.escalated");
                    payload.put("tenantId", TenantContext.requireTenant());
                    payload.put("rule", Map.of("id", rule.id(), "name", rule.name()));
                    calls.add(new WebhookCall(escalationId, id, rule.webhookUrl(), payload));
                }
            }
            schedule(ticket, policy, business, fired);
            tickets.saveAndFlush(ticket);
            // the ticket as it is after the escalation, for the receivers
            List<EscalationMail.Message> mails = new ArrayList<>();
            if (!calls.isEmpty() || !mailed.isEmpty()) {
                TicketView view = views(List.of(ticket)).getFirst();
                calls.forEach(call -> call.payload().put("ticket", view));
                mailed.forEach((escalationId, rule) -> mails.add(mail.compose(escalationId, view, rule.name(),
                        rule.notifyEmails())));
            }
            return new Fired(count, calls, mails);
        });
    }

    /** Calls an escalation's webhook (retried) and records the outcome on the ticket. */
    void deliver(WebhookCall call) {
        Delivery delivery = http.postJson(call.url(), Map.of(), call.payload());
        write(() -> {
            escalations.findById(call.escalationId()).ifPresent(e -> e.delivered(delivery));
            tickets.findById(call.ticketId()).ifPresent(ticket -> record(ticket, now(), null,
                    delivery.ok() ? "WEBHOOK_SENT" : "WEBHOOK_FAILED",
                    (delivery.ok() ? "" : delivery.lastError() + ", ") + delivery.attempts() + " attempt(s)"));
            return null;
        });
    }

    /** Sends an escalation's e-mail (retried) and records the outcome on the ticket. */
    void deliver(EscalationMail.Message message) {
        Delivery delivery = mail.send(message);
        write(() -> {
            escalations.findById(message.escalationId()).ifPresent(e -> e.mailed(delivery));
            tickets.findById(message.ticketId()).ifPresent(ticket -> record(ticket, now(), null,
                    delivery.ok() ? "EMAIL_SENT" : "EMAIL_FAILED", (delivery.ok() ? "" : delivery.lastError() + ", ")
                            + delivery.attempts() + " attempt(s) to " + String.join(", ", message.to())));
            return null;
        });
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private void schedule(Ticket ticket, Policy policy, BusinessClock business, Set<UUID> fired) {
        ticket.nextEscalationAt(Escalations.next(ticket, policy, business, fired));
    }

    private Set<UUID> firedRules(UUID ticketId) {
        Set<UUID> fired = new HashSet<>();
        escalations.findByTicketIdOrderByFiredAtAscIdAsc(ticketId).forEach(e -> fired.add(e.ruleId()));
        return fired;
    }

    private long nextNumber() {
        return jdbc.sql("""
                insert into cc.ticket_counter (tenant_id, last_number) values (:tenant, :first)
                on conflict (tenant_id) do update set last_number = cc.ticket_counter.last_number + 1
                returning last_number""").param("tenant", TenantContext.requireTenant()).param("first", FIRST_NUMBER)
                .query(Long.class).single();
    }

    private void checkInteractions(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Set<UUID> known = interactions.existing(ids);
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                // the same answer whether the interaction belongs to another tenant or to nobody
                throw InvalidInput.field("interactionIds[" + i + "]", "ticket.interaction-missing");
            }
        }
    }

    /** An agreed resolution date must lie ahead when it is set or changed. */
    private static void checkDue(TicketDraft draft, Instant current, Instant now) {
        if (draft.resolutionDue() != null && !draft.resolutionDue().equals(current)
                && !draft.resolutionDue().isAfter(now)) {
            throw InvalidInput.field("resolutionDue", "ticket.due-in-past");
        }
    }

    private void record(Ticket ticket, Instant at, Actor actor, String type, String detail) {
        events.save(new TicketEvent(ticket.id(), at, actor, type, detail));
    }

    private List<TicketView> views(List<Ticket> found) {
        Map<UUID, List<TicketView.Escalation>> byTicket = new LinkedHashMap<>();
        escalations.findByTicketIdIn(found.stream().map(Ticket::id).toList()).stream()
                .sorted(java.util.Comparator.comparing(FiredEscalation::firedAt).thenComparing(FiredEscalation::ruleName))
                .forEach(e -> byTicket.computeIfAbsent(e.ticketId(), k -> new ArrayList<>()).add(e.view()));
        Instant now = now();
        return found.stream().map(t -> t.view(byTicket.getOrDefault(t.id(), List.of()), now)).toList();
    }

    /** PostgreSQL keeps microseconds: a ticket reads the same right after a change as later. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private Ticket require(UUID id) {
        return tickets.findById(id).orElseThrow(() -> LineaProblemException.notFound("ticket"));
    }

    private static Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("number"));
        }
        String[] parts = sort.split(",");
        String field = SORTS.get(parts[0].strip());
        boolean descending = parts.length > 1 && parts[1].strip().equalsIgnoreCase("desc");
        if (field == null || parts.length > 2
                || (parts.length == 2 && !parts[1].strip().matches("(?i)asc|desc"))) {
            throw InvalidInput.field("sort", "ticket.sort-invalid", String.join(", ", SORTS.keySet().stream()
                    .sorted().toList()));
        }
        Sort.Order order = descending ? Sort.Order.desc(field) : Sort.Order.asc(field);
        return field.equals("number") ? Sort.by(order)
                : Sort.by(order, descending ? Sort.Order.desc("number") : Sort.Order.asc("number"));
    }

    private <T> T read(java.util.function.Supplier<T> work) {
        TransactionTemplate readOnly = new TransactionTemplate(tx.getTransactionManager());
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> work.get());
    }

    private <T> T write(java.util.function.Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
