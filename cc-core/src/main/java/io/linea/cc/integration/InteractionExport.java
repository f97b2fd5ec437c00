package io.linea.cc.integration;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.telephony.InteractionView;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/**
 * A period's interaction records for a tenant's nightly pull (CRM-05): ordered by start time and id and
 * paged by keyset, so that a page is one index range scan however deep the pull goes, and records
 * written meanwhile never shift a page. The cursor is opaque to the caller (the last record's start
 * time and id, base64url).
 */
@Service
class InteractionExport {

    static final int MAX_LIMIT = 1000;

    record Page(List<InteractionView> items, String nextCursor) {
    }

    private record Cursor(Instant startedAt, UUID id) {
    }

    private final JdbcClient jdbc;

    InteractionExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page page(Instant from, Instant to, String cursor, int limit) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw LineaProblemException.badRequest("integration.period-invalid");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw LineaProblemException.badRequest("integration.limit-invalid", MAX_LIMIT);
        }
        Cursor after = cursor == null || cursor.isBlank() ? null : decode(cursor);
        List<InteractionView> rows = jdbc.sql("""
                select id, direction, state, tenant_number, remote_number, agent_id, agent_name, started_at,
                  answered_at, ended_at, ring_ms, talk_ms, end_reason, abandon_stage
                from cc.interaction
                where tenant_id = :tenant and started_at >= :from and started_at < :to
                  and (cast(:afterTime as timestamptz) is null or (started_at, id) > (:afterTime, :afterId))
                order by started_at, id limit :limit""").param("tenant", TenantContext.requireTenant())
                .param("from", time(from)).param("to", time(to))
                .param("afterTime", after == null ? null : time(after.startedAt()))
                .param("afterId", after == null ? new UUID(0, 0) : after.id()).param("limit", limit + 1)
                .query(InteractionExport::view).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            InteractionView last = rows.getLast();
            next = encode(new Cursor(last.startedAt(), last.id()));
        }
        return new Page(rows, next);
    }

    private static String encode(Cursor cursor) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, cursor.startedAt());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "," + cursor.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(",", 2);
            return new Cursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw LineaProblemException.badRequest("integration.cursor-invalid");
        }
    }

    private static InteractionView view(ResultSet rs, int row) throws SQLException {
        long ring = rs.getLong("ring_ms");
        Double ringSeconds = rs.wasNull() ? null : ring / 1000.0;
        long talk = rs.getLong("talk_ms");
        Double talkSeconds = rs.wasNull() ? null : talk / 1000.0;
        return new InteractionView(rs.getObject("id", UUID.class), rs.getString("direction"), rs.getString("state"),
                rs.getString("tenant_number"), rs.getString("remote_number"), rs.getObject("agent_id", UUID.class),
                rs.getString("agent_name"), instant(rs, "started_at"), instant(rs, "answered_at"),
                instant(rs, "ended_at"), ringSeconds, talkSeconds, rs.getString("end_reason"),
                rs.getString("abandon_stage"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
