package io.linea.cc.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.linea.platform.tenancy.TenantContext;

/**
 * {@link TelephonyDirectory} straight from the database. Each call enters platform scope and then opens
 * its own transaction (the order matters: the transaction manager picks the database role when the
 * transaction begins), so ARI threads without a tenant can call it, and a caller's transaction is left
 * alone. Disabled carriers are invisible here: Asterisk must not use them, so neither
 * {@link #carrier(UUID)} nor the caller numbers offer them.
 */
@Component
class JdbcTelephonyDirectory implements TelephonyDirectory {

    private static final Logger log = LoggerFactory.getLogger(JdbcTelephonyDirectory.class);
    private static final java.time.Duration RECENT = java.time.Duration.ofMinutes(10);

    private final java.util.Map<UUID, Remembered> recent = new java.util.concurrent.ConcurrentHashMap<>();

    private static final String AGENT = """
            select a.tenant_id, a.id, a.user_id, a.display_name, a.reach, a.mobile_e164,
                case when a.md5_credential is not null then a.sip_username end as endpoint_id
            from cc.agent a
            """;
    private static final String CALLER_NUMBER = """
            select t.tenant_id, t.id as number_id, t.e164, p.carrier_id
            from cc.tenant_number t
            join cc.phone_number p on p.id = t.id
            join cc.carrier c on c.id = p.carrier_id and c.enabled
            """;

    private final JdbcClient jdbc;
    private final Carriers carriers;
    private final TransactionTemplate reads;
    private final TransactionTemplate writes;

    JdbcTelephonyDirectory(JdbcClient jdbc, Carriers carriers, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.carriers = carriers;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reads.setReadOnly(true);
        this.writes = new TransactionTemplate(transactions);
        this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<NumberRoute> route(String e164) {
        Optional<String> number = E164.fromSignalling(e164);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return read(() -> jdbc.sql("""
                select t.tenant_id, t.id, t.e164, t.type, p.carrier_id, t.target, t.greeting, t.queue_id, t.priority
                from cc.tenant_number t join cc.phone_number p on p.id = t.id
                where t.e164 = :e164
                """).param("e164", number.get()).query((row, i) -> new NumberRoute(uuid(row, "tenant_id"),
                uuid(row, "id"), row.getString("e164"), NumberType.valueOf(row.getString("type")),
                uuid(row, "carrier_id"), RouteTarget.valueOf(row.getString("target")), row.getString("greeting"),
                uuid(row, "queue_id"), row.getInt("priority")))
                .optional());
    }

    @Override
    public List<CarrierConfig> carriers() {
        return read(() -> carriers.enabled().stream().map(Carrier::config).toList());
    }

    @Override
    public Optional<CarrierConfig> carrier(UUID carrierId) {
        return read(() -> carriers.find(carrierId).filter(Carrier::enabled).map(Carrier::config));
    }

    @Override
    public List<AgentEndpointConfig> endpoints() {
        return read(() -> jdbc.sql("""
                select tenant_id, id, sip_username, md5_credential from cc.agent
                where md5_credential is not null order by sip_username
                """).query(JdbcTelephonyDirectory::endpoint).list());
    }

    @Override
    public Optional<AgentEndpointConfig> endpoint(String endpointId) {
        return read(() -> jdbc.sql("""
                select tenant_id, id, sip_username, md5_credential from cc.agent
                where sip_username = :endpointId and md5_credential is not null
                """).param("endpointId", endpointId).query(JdbcTelephonyDirectory::endpoint).optional());
    }

    @Override
    public List<AgentTarget> agentsToRing(UUID tenantId) {
        return read(() -> jdbc.sql(AGENT + """
                where a.tenant_id = :tenantId and a.available
                    and (a.md5_credential is not null or a.mobile_e164 is not null)
                order by a.last_call_ended_at asc nulls first, a.display_name, a.id
                """).param("tenantId", tenantId).query(JdbcTelephonyDirectory::agent).list());
    }

    @Override
    public Optional<AgentTarget> agent(UUID tenantId, UUID agentId) {
        Optional<AgentTarget> found = read(() -> jdbc.sql(AGENT + " where a.tenant_id = :tenantId and a.id = :agentId")
                .param("tenantId", tenantId).param("agentId", agentId).query(JdbcTelephonyDirectory::agent)
                .optional());
        found.ifPresentOrElse(agent -> recent.put(agentId, new Remembered(agent, System.nanoTime())),
                () -> recent.remove(agentId));
        return found;
    }

    /**
     * Remembered for {@link #RECENT} at most: changes made here are forgotten at once (after commit), and
     * changes made by another cc-core instance are seen within that time.
     */
    @Override
    public Optional<AgentTarget> recentAgent(UUID tenantId, UUID agentId) {
        Remembered remembered = recent.get(agentId);
        if (remembered == null || System.nanoTime() - remembered.at() > RECENT.toNanos()
                || !remembered.agent().tenantId().equals(tenantId)) {
            return Optional.empty();
        }
        return Optional.of(remembered.agent());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AgentChanged change) {
        recent.remove(change.agentId());
    }

    /** SIP credentials issued or revoked change whether an agent has an endpoint. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(TelephonyConfigChanged change) {
        if (change.kind() == TelephonyConfigChanged.Kind.AGENT) {
            recent.clear();
        }
    }

    private record Remembered(AgentTarget agent, long at) {
    }

    @Override
    public Optional<AgentTarget> agentOfUser(UUID tenantId, UUID userId) {
        return read(() -> jdbc.sql(AGENT + " where a.tenant_id = :tenantId and a.user_id = :userId")
                .param("tenantId", tenantId).param("userId", userId).query(JdbcTelephonyDirectory::agent)
                .optional());
    }

    /** Keeps the latest end: calls may report out of order. No version bump, so admins never see a conflict. */
    @Override
    public void recordCallEnded(UUID tenantId, UUID agentId, Instant at) {
        int updated = TenantContext.callAsPlatform(() -> writes.execute(status -> jdbc.sql("""
                update cc.agent set last_call_ended_at = greatest(last_call_ended_at, :at)
                where tenant_id = :tenantId and id = :agentId
                """).param("at", at.atOffset(ZoneOffset.UTC)).param("tenantId", tenantId).param("agentId", agentId)
                .update()));
        if (updated == 0) {
            log.debug("No agent {} in tenant {} to record a call end for", agentId, tenantId);
        }
    }

    @Override
    public Optional<CallerNumber> callerNumber(UUID tenantId, UUID numberId) {
        return read(() -> jdbc.sql(CALLER_NUMBER + " where t.tenant_id = :tenantId and t.id = :numberId")
                .param("tenantId", tenantId).param("numberId", numberId).query(NumberRow::map).optional()
                .map(this::withCarrier));
    }

    @Override
    public Optional<CallerNumber> defaultCallerNumber(UUID tenantId) {
        return read(() -> jdbc.sql(CALLER_NUMBER + " where t.tenant_id = :tenantId order by t.e164 limit 1")
                .param("tenantId", tenantId).query(NumberRow::map).optional().map(this::withCarrier));
    }

    private CallerNumber withCarrier(NumberRow number) {
        CarrierConfig carrier = carriers.find(number.carrierId()).map(Carrier::config).orElseThrow();
        return new CallerNumber(number.tenantId(), number.numberId(), number.e164(), carrier);
    }

    private <T> T read(Supplier<T> query) {
        return TenantContext.callAsPlatform(() -> reads.execute(status -> query.get()));
    }

    private record NumberRow(UUID tenantId, UUID numberId, String e164, UUID carrierId) {

        static NumberRow map(ResultSet row, int index) throws SQLException {
            return new NumberRow(uuid(row, "tenant_id"), uuid(row, "number_id"), row.getString("e164"),
                    uuid(row, "carrier_id"));
        }
    }

    private static AgentEndpointConfig endpoint(ResultSet row, int index) throws SQLException {
        return new AgentEndpointConfig(uuid(row, "tenant_id"), uuid(row, "id"), row.getString("sip_username"),
                row.getString("md5_credential"));
    }

    private static AgentTarget agent(ResultSet row, int index) throws SQLException {
        return new AgentTarget(uuid(row, "tenant_id"), uuid(row, "id"), uuid(row, "user_id"),
                row.getString("display_name"), AgentReach.valueOf(row.getString("reach")),
                row.getString("endpoint_id"), row.getString("mobile_e164"));
    }

    private static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }
}
