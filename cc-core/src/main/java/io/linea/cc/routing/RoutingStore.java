package io.linea.cc.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.linea.platform.tenancy.TenantContext;

/**
 * The router's reads and write-through in PostgreSQL, in platform scope: the router serves every
 * tenant at once (presence is per person across tenants), so it reads with SQL rather than through
 * the tenant-filtered repositories, and always names the tenant in its writes.
 */
@Component
class RoutingStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate reads;
    private final TransactionTemplate writes;

    RoutingStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reads.setReadOnly(true);
        this.writes = new TransactionTemplate(transactions);
        this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A queue's rules as the engine needs them; the name is for logs and prompts. */
    record QueueRow(QueueRules rules, String name, boolean selfLoginAllowed) {
    }

    /** One agent's membership of one queue. {@code personId} is the user, or the agent itself when it has no login. */
    record MemberRow(UUID tenantId, UUID queueId, UUID agentId, UUID personId, String displayName, boolean loggedIn,
            Map<UUID, Integer> skills) {
    }

    /** An agent of a tenant and the person behind it. */
    record AgentRow(UUID tenantId, UUID agentId, UUID personId, String displayName, Map<Medium, Integer> capacity,
            boolean blended) {
    }

    record PresenceRow(UUID personId, Presence state, String reason, Instant since) {
    }

    private static final String QUEUE = """
            select q.id, q.tenant_id, q.name, q.strategy, q.priority, q.wrap_up_seconds, q.ring_timeout_seconds,
                   q.max_wait_seconds, q.max_length, q.sticky_wait_seconds, q.sticky_days, q.skill_fallback_seconds,
                   q.self_login_allowed
            from cc.queue q where q.enabled
            """;

    List<QueueRow> queues() {
        return read(() -> jdbc.sql(QUEUE).query(RoutingStore::queue).list());
    }

    Optional<QueueRow> queue(UUID queueId) {
        return read(() -> jdbc.sql(QUEUE + " and q.id = :id").param("id", queueId).query(RoutingStore::queue)
                .optional());
    }

    private static QueueRow queue(ResultSet row, int i) throws SQLException {
        Integer maxWait = (Integer) row.getObject("max_wait_seconds");
        Integer fallback = (Integer) row.getObject("skill_fallback_seconds");
        int stickyDays = row.getInt("sticky_days");
        QueueRules rules = new QueueRules(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class),
                Strategy.valueOf(row.getString("strategy")), row.getInt("priority"),
                Duration.ofSeconds(row.getInt("wrap_up_seconds")), Duration.ofSeconds(row.getInt("ring_timeout_seconds")),
                maxWait == null ? null : Duration.ofSeconds(maxWait), row.getInt("max_length"),
                stickyDays == 0 ? Duration.ZERO : Duration.ofSeconds(row.getInt("sticky_wait_seconds")),
                fallback == null ? null : Duration.ofSeconds(fallback), true);
        return new QueueRow(rules, row.getString("name"), row.getBoolean("self_login_allowed"));
    }

    /** Members of every queue, or of one. */
    List<MemberRow> members(UUID queueId) {
        return read(() -> {
            Map<UUID, Map<UUID, Integer>> skills = new HashMap<>();
            jdbc.sql("""
                    select s.member_id, s.skill_id, s.level from cc.queue_member_skill s
                    join cc.queue_member m on m.id = s.member_id
                    where (cast(:queue as uuid) is null or m.queue_id = :queue)
                    """).param("queue", queueId).query(row -> {
                        skills.computeIfAbsent(row.getObject("member_id", UUID.class), k -> new HashMap<>())
                                .put(row.getObject("skill_id", UUID.class), row.getInt("level"));
                    });
            return jdbc.sql("""
                    select m.id, m.tenant_id, m.queue_id, m.agent_id, m.logged_in, a.user_id, a.display_name
                    from cc.queue_member m join cc.agent a on a.tenant_id = m.tenant_id and a.id = m.agent_id
                    where (cast(:queue as uuid) is null or m.queue_id = :queue)
                    order by m.queue_id, m.id
                    """).param("queue", queueId).query((row, i) -> {
                        UUID agent = row.getObject("agent_id", UUID.class);
                        UUID user = row.getObject("user_id", UUID.class);
                        return new MemberRow(row.getObject("tenant_id", UUID.class),
                                row.getObject("queue_id", UUID.class), agent, user == null ? agent : user,
                                row.getString("display_name"), row.getBoolean("logged_in"),
                                skills.getOrDefault(row.getObject("id", UUID.class), Map.of()));
                    }).list();
        });
    }

    /** Every agent of every tenant with the person behind it. */
    List<AgentRow> agents() {
        return read(() -> jdbc.sql("""
                select tenant_id, id, user_id, display_name, voice_capacity, chat_capacity, email_capacity,
                       sms_capacity, social_capacity, blended
                from cc.agent order by id
                """).query((row, i) -> {
                    UUID agent = row.getObject("id", UUID.class);
                    UUID user = row.getObject("user_id", UUID.class);
                    Map<Medium, Integer> capacity = new java.util.EnumMap<>(Medium.class);
                    capacity.put(Medium.VOICE, row.getInt("voice_capacity"));
                    capacity.put(Medium.CHAT, row.getInt("chat_capacity"));
                    capacity.put(Medium.EMAIL, row.getInt("email_capacity"));
                    capacity.put(Medium.SMS, row.getInt("sms_capacity"));
                    capacity.put(Medium.SOCIAL, row.getInt("social_capacity"));
                    return new AgentRow(row.getObject("tenant_id", UUID.class), agent, user == null ? agent : user,
                            row.getString("display_name"), capacity, row.getBoolean("blended"));
                }).list());
    }

    List<PresenceRow> presence() {
        return read(() -> jdbc.sql("select person_id, state, reason, since from cc.agent_presence")
                .query((row, i) -> new PresenceRow(row.getObject("person_id", UUID.class),
                        Presence.valueOf(row.getString("state")), row.getString("reason"),
                        row.getTimestamp("since").toInstant()))
                .list());
    }

    /** Persisted tasks of one medium, in the order they joined their queues. */
    List<PersistedTask> tasks(Medium medium) {
        return read(() -> jdbc.sql("""
                select interaction_id, tenant_id, queue_id, medium, priority, skills, enqueued_at, preferred_person,
                       callback, person_id, accepted_at, handle
                from cc.routing_task where medium = :medium order by enqueued_at, interaction_id
                """).param("medium", medium.name()).query((row, i) -> {
                    Timestamp accepted = row.getTimestamp("accepted_at");
                    RoutingTask task = new RoutingTask(row.getObject("interaction_id", UUID.class),
                            row.getObject("tenant_id", UUID.class), row.getObject("queue_id", UUID.class),
                            Medium.valueOf(row.getString("medium")), row.getInt("priority"),
                            skills(row.getString("skills")), row.getTimestamp("enqueued_at").toInstant(),
                            row.getObject("preferred_person", UUID.class), row.getBoolean("callback"));
                    return new PersistedTask(task, row.getObject("person_id", UUID.class),
                            accepted == null ? null : accepted.toInstant(), row.getString("handle"));
                }).list());
    }

    // --- write-through ------------------------------------------------------------------------------

    void saveTask(RoutingTask task, String handle) {
        write(() -> jdbc.sql("""
                insert into cc.routing_task (interaction_id, tenant_id, queue_id, medium, priority, skills, enqueued_at,
                    preferred_person, callback, handle)
                values (:id, :tenant, :queue, :medium, :priority, :skills, :at, :preferred, :callback, :handle)
                on conflict (interaction_id) do update set queue_id = excluded.queue_id, priority = excluded.priority,
                    skills = excluded.skills, enqueued_at = excluded.enqueued_at, callback = excluded.callback,
                    person_id = null, accepted_at = null, handle = coalesce(excluded.handle, cc.routing_task.handle)
                """).param("handle", handle).param("id", task.id()).param("tenant", task.tenantId()).param("queue", task.queueId())
                .param("medium", task.medium().name()).param("priority", task.priority())
                .param("skills", skills(task.skills())).param("at", Timestamp.from(task.enqueuedAt()))
                .param("preferred", task.preferredPerson()).param("callback", task.callback()).update());
    }

    void taskAccepted(UUID taskId, UUID personId, Instant at) {
        write(() -> jdbc.sql("update cc.routing_task set person_id = :person, accepted_at = :at where interaction_id = :id")
                .param("person", personId).param("at", Timestamp.from(at)).param("id", taskId).update());
    }

    void taskHandle(UUID taskId, String handle) {
        write(() -> jdbc.sql("update cc.routing_task set handle = :handle where interaction_id = :id")
                .param("handle", handle).param("id", taskId).update());
    }

    void taskCallback(UUID taskId) {
        write(() -> jdbc.sql("update cc.routing_task set callback = true where interaction_id = :id")
                .param("id", taskId).update());
    }

    void deleteTask(UUID taskId) {
        write(() -> jdbc.sql("delete from cc.routing_task where interaction_id = :id").param("id", taskId).update());
    }

    /** Only the chosen states are kept: the others follow from the interactions and are rebuilt after a restart. */
    void savePresence(UUID personId, Presence state, String reason, UUID changedBy, Instant at) {
        write(() -> jdbc.sql("""
                insert into cc.agent_presence (person_id, state, reason, since, changed_by)
                values (:person, :state, :reason, :since, :by)
                on conflict (person_id) do update set state = excluded.state, reason = excluded.reason,
                    since = excluded.since, changed_by = excluded.changed_by
                """).param("person", personId).param("state", state.name()).param("reason", reason)
                .param("since", Timestamp.from(at)).param("by", changedBy).update());
    }

    void saveLoggedIn(UUID queueId, UUID agentId, boolean loggedIn) {
        write(() -> jdbc.sql("update cc.queue_member set logged_in = :in where queue_id = :queue and agent_id = :agent")
                .param("in", loggedIn).param("queue", queueId).param("agent", agentId).update());
    }

    static String skills(List<SkillRequirement> skills) {
        List<String> parts = new ArrayList<>();
        skills.forEach(s -> parts.add(s.skillId() + ":" + s.minLevel()));
        return String.join(",", parts);
    }

    static List<SkillRequirement> skills(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<UUID, Integer> ordered = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] pair = part.split(":");
            ordered.put(UUID.fromString(pair[0]), Integer.parseInt(pair[1]));
        }
        return ordered.entrySet().stream().map(e -> new SkillRequirement(e.getKey(), e.getValue())).toList();
    }

    private <T> T read(Supplier<T> work) {
        return TenantContext.callAsPlatform(() -> reads.execute(status -> work.get()));
    }

    private void write(Runnable work) {
        TenantContext.runAsPlatform(() -> writes.executeWithoutResult(status -> work.run()));
    }
}
