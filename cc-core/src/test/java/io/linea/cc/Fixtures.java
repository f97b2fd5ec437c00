package io.linea.cc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies tests reuse. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Map<String, Object> queue(String name) {
        return Map.of("name", name, "description", "test queue", "serviceLevelSeconds", 20, "enabled", true);
    }

    public static Map<String, Object> queue(String name, UUID calendarId, long version) {
        return Map.of("name", name, "description", "changed", "serviceLevelSeconds", 25, "enabled", false,
                "calendarId", calendarId.toString(), "version", version);
    }

    public static Map<String, Object> calendar(String name) {
        return Map.of("name", name, "timeZone", "Europe/Chisinau",
                "weeklyHours", List.of(Map.of("day", "MONDAY", "opens", "08:00", "closes", "12:00"),
                        Map.of("day", "MONDAY", "opens", "13:00", "closes", "18:00")),
                "holidays", List.of(Map.of("date", "2026-12-25", "name", "Christmas")));
    }

    public static Map<String, Object> calendar(String name, long version) {
        return Map.of("name", name, "timeZone", "Europe/Kyiv",
                "weeklyHours", List.of(Map.of("day", "TUESDAY", "opens", "09:00", "closes", "17:00")),
                "holidays", List.of(Map.of("date", "2027-01-01", "name", "New Year")), "version", version);
    }

    public static Map<String, Object> carrier(String name) {
        return Map.of("name", name, "host", "sip.carrier.example", "port", 5060, "transport", "udp",
                "username", "linea", "password", "trunk-secret", "codecs", List.of("alaw", "ulaw"),
                "matchCidrs", List.of("203.0.113.0/24"), "enabled", true);
    }

    /** A number body for the platform API; {@code tenantId} null leaves it unassigned. */
    public static Map<String, Object> number(String e164, UUID carrierId, UUID tenantId) {
        Map<String, Object> body = new HashMap<>(Map.of("e164", e164, "type", "GEOGRAPHIC",
                "carrierId", carrierId.toString()));
        if (tenantId != null) {
            body.put("tenantId", tenantId.toString());
        }
        return body;
    }

    public static Map<String, Object> agent(String displayName) {
        return Map.of("displayName", displayName, "reach", "ENDPOINT", "available", true);
    }

    /** A random UK London number (+4420 and 8 digits), never one of the demo seed's. */
    public static String e164() {
        return "+4420" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    /**
     * A number assigned to {@code tenant}, created the only way numbers come to be: by the platform admin,
     * on a carrier of its own. Returns the number's id (the same in the inventory and for the tenant).
     */
    public static UUID assignedNumber(Api tenant) {
        Api platform = Api.platformAdmin(tenant.port());
        Api.Response carrier = platform.post("/api/cc/platform/carriers", carrier(unique("Carrier")));
        if (carrier.status() != 201) {
            throw new IllegalStateException("carrier not created: " + carrier);
        }
        Api.Response number = platform.post("/api/cc/platform/numbers", number(e164(), carrier.id(), tenant.tenant()));
        if (number.status() != 201) {
            throw new IllegalStateException("number not created: " + number);
        }
        return number.id();
    }

    /**
     * An answered and ended inbound call of the tenant with two events, stored as the application
     * role with the tenant in scope (row-level security applies): calls have no create API.
     */
    public static UUID interaction(Api tenant) {
        UUID id = UUID.randomUUID();
        try (java.sql.Connection app = java.sql.DriverManager.getConnection(
                io.linea.platform.testing.EmbeddedDatabase.shared().jdbcUrl(),
                io.linea.platform.testing.EmbeddedDatabase.APP, io.linea.platform.testing.EmbeddedDatabase.APP)) {
            app.setAutoCommit(false);
            try (var scope = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, tenant.tenant().toString());
                scope.execute();
            }
            try (var call = app.prepareStatement("""
                    insert into cc.interaction (id, tenant_id, direction, state, tenant_number, remote_number,
                        started_at, answered_at, ended_at, ring_ms, talk_ms, end_reason)
                    values (?, ?, 'INBOUND', 'ENDED', '+18005550100', '+447700900001',
                        now() - interval '2 minutes', now() - interval '110 seconds', now(), 10000, 110000,
                        'CALLER_HANGUP')""")) {
                call.setObject(1, id);
                call.setObject(2, tenant.tenant());
                call.executeUpdate();
            }
            for (String type : new String[] { "OFFERED", "ENDED" }) {
                try (var event = app.prepareStatement("""
                        insert into cc.interaction_event (id, tenant_id, interaction_id, type, at)
                        values (?, ?, ?, ?, now())""")) {
                    event.setObject(1, UUID.randomUUID());
                    event.setObject(2, tenant.tenant());
                    event.setObject(3, id);
                    event.setString(4, type);
                    event.executeUpdate();
                }
            }
            app.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("interaction not stored", e);
        }
        return id;
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
