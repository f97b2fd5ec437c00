package io.linea.cc.telephony;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.provisioning.TelephonyDirectory;
import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/**
 * AGT-07: an agent's own calls in the current tenant and their statistics. A call is the agent's when they
 * answered it, took it over in a transfer, were consulted on it, or placed it and talked.
 */
@Service
public class MyCalls {

    /** Event types that make a call the agent's own. */
    private static final String TOOK_PART = "('ANSWERED', 'TRANSFERRED', 'CONSULTED', 'CONFERENCED')";

    private final JdbcClient jdbc;
    private final TelephonyDirectory directory;

    MyCalls(JdbcClient jdbc, TelephonyDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** One of the agent's calls, with the notes written on it (on any client's card). */
    public record MyCall(UUID id, String direction, String state, String remoteNumber, Instant startedAt,
            Instant answeredAt, Instant endedAt, Double talkSeconds, String agentName, boolean handedOver,
            List<String> notes) {
    }

    /** Counts of one period; {@code serviceLevel} null when the agent answered nothing. */
    public record Stats(Instant from, Instant to, int handled, int missed, Double serviceLevel,
            Double averageTalkSeconds, int serviceLevelSeconds, List<Bucket> buckets) {
    }

    /** An hour (a 24-hour period) or a day of the period, in the agent's time zone. */
    public record Bucket(Instant start, int handled, int missed) {
    }

    private UUID myAgent(UUID personId) {
        UUID tenant = TenantContext.requireTenant();
        return directory.agentOfUser(tenant, personId).map(a -> a.agentId())
                .orElseThrow(() -> LineaProblemException.notFound("agent"));
    }

    /**
     * The agent's calls, newest first; {@code query} matches the number's digits or, as full text, the
     * notes written on the call.
     */
    @Transactional(readOnly = true)
    public Paged<MyCall> history(UUID personId, String query, int page, int size) {
        UUID tenant = TenantContext.requireTenant();
        UUID agent = myAgent(personId);
        String q = query == null || query.isBlank() ? null : query.strip();
        String digits = q == null ? "" : q.replaceAll("\\D", "");
        String where = """
                from cc.interaction i
                where i.tenant_id = :tenant
                  and (i.agent_id = :agent or exists (select 1 from cc.interaction_event e
                       where e.tenant_id = i.tenant_id and e.interaction_id = i.id and e.agent_id = :agent
                         and e.type in %s))
                  and (cast(:q as text) is null
                       or (length(:digits) >= 3 and i.remote_number like '%%' || :digits || '%%')
                       or exists (select 1 from cc.client_note n where n.tenant_id = i.tenant_id
                                  and n.interaction_id = i.id
                                  and to_tsvector('simple'::regconfig, cc.crm_unaccent(n.text))
                                      @@ plainto_tsquery('simple'::regconfig, cc.crm_unaccent(:q))))
                """.formatted(TOOK_PART);
        long total = jdbc.sql("select count(*) " + where).param("tenant", tenant).param("agent", agent)
                .param("q", q).param("digits", digits).query(Long.class).single();
        List<MyCall> items = jdbc.sql("""
                select i.id, i.direction, i.state, i.remote_number, i.started_at, i.answered_at, i.ended_at,
                       i.talk_ms, i.agent_name, i.agent_id,
                       array(select n.text from cc.client_note n where n.tenant_id = i.tenant_id
                             and n.interaction_id = i.id order by n.created_at) as notes
                """ + where + " order by i.started_at desc, i.id desc limit :limit offset :offset")
                .param("tenant", tenant).param("agent", agent).param("q", q).param("digits", digits)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> call(rs, agent)).list();
        return new Paged<>(items, page, size, total);
    }

    private static MyCall call(ResultSet rs, UUID agent) throws SQLException {
        long talk = rs.getLong("talk_ms");
        boolean talked = !rs.wasNull();
        java.sql.Array notes = rs.getArray("notes");
        List<String> texts = notes == null ? List.of() : List.of((String[]) notes.getArray());
        return new MyCall(rs.getObject("id", UUID.class), rs.getString("direction"), rs.getString("state"),
                rs.getString("remote_number"), instant(rs, "started_at"), instant(rs, "answered_at"),
                instant(rs, "ended_at"), talked ? talk / 1000.0 : null, rs.getString("agent_name"),
                !agent.equals(rs.getObject("agent_id", UUID.class)), texts);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /**
     * The agent's statistics over the last {@code days} (1: the last 24 hours, in hours): calls handled,
     * offers missed (rang the agent, who did not answer), the share of the calls the agent answered (not
     * took over) within {@code serviceLevelSeconds} of the caller's arrival, and the average talk time of the calls the agent
     * ended with.
     */
    @Transactional(readOnly = true)
    public Stats stats(UUID personId, int days, ZoneId zone, int serviceLevelSeconds, Instant now) {
        UUID tenant = TenantContext.requireTenant();
        UUID agent = myAgent(personId);
        ChronoUnit unit = days == 1 ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        int count = days == 1 ? 24 : days;
        ZonedDateTime last = now.atZone(zone).truncatedTo(unit);
        Instant from = last.minus(count - 1L, unit).toInstant();
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add(last.minus(count - 1L - i, unit).toInstant());
        }
        record Step(UUID interaction, String type, Instant at, Instant arrived) {
        }
        List<Step> steps = jdbc.sql("""
                select e.interaction_id, e.type, e.at, i.started_at
                from cc.interaction_event e join cc.interaction i on i.tenant_id = e.tenant_id and i.id = e.interaction_id
                where e.tenant_id = :tenant and e.agent_id = :agent and e.at >= :from and e.at <= :to
                  and e.type in ('ANSWERED', 'TRANSFERRED', 'AGENT_NO_ANSWER', 'AGENT_REJECTED')
                order by e.at
                """).param("tenant", tenant).param("agent", agent).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(now))
                .query((rs, n) -> new Step(rs.getObject("interaction_id", UUID.class), rs.getString("type"),
                        rs.getTimestamp("at").toInstant(), rs.getTimestamp("started_at").toInstant()))
                .list();
        // a call is handled once (at its first answer or take-over); missed when it rang the agent, who never
        // took it in the period
        Map<UUID, Step> handled = new java.util.LinkedHashMap<>();
        Map<UUID, Step> missed = new java.util.LinkedHashMap<>();
        for (Step step : steps) {
            if (step.type().equals("ANSWERED") || step.type().equals("TRANSFERRED")) {
                handled.putIfAbsent(step.interaction(), step);
            } else {
                missed.putIfAbsent(step.interaction(), step);
            }
        }
        missed.keySet().removeAll(handled.keySet());
        Map<Instant, int[]> buckets = new HashMap<>();
        starts.forEach(s -> buckets.put(s, new int[2]));
        handled.values().forEach(step -> count(buckets, step.at(), zone, unit, 0));
        missed.values().forEach(step -> count(buckets, step.at(), zone, unit, 1));
        List<Step> answered = handled.values().stream().filter(step -> step.type().equals("ANSWERED")).toList();
        long within = answered.stream()
                .filter(step -> !Duration.between(step.arrived(), step.at()).minusSeconds(serviceLevelSeconds)
                        .isPositive())
                .count();
        Double talk = jdbc.sql("""
                select avg(i.talk_ms) / 1000.0 from cc.interaction i
                where i.tenant_id = :tenant and i.agent_id = :agent and i.started_at >= :from and i.talk_ms is not null
                """).param("tenant", tenant).param("agent", agent).param("from", Timestamp.from(from))
                .query(Double.class).optional().orElse(null);
        return new Stats(from, now, handled.size(), missed.size(),
                answered.isEmpty() ? null : (double) within / answered.size(), talk, serviceLevelSeconds,
                starts.stream().map(s -> new Bucket(s, buckets.get(s)[0], buckets.get(s)[1])).toList());
    }

    private static void count(Map<Instant, int[]> buckets, Instant at, ZoneId zone, ChronoUnit unit, int which) {
        int[] bucket = buckets.get(at.atZone(zone).truncatedTo(unit).toInstant());
        if (bucket != null) {
            bucket[which]++;
        }
    }
}
