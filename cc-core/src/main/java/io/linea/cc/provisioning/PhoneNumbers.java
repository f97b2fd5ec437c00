package io.linea.cc.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The platform's number inventory ({@code cc.phone_number}) and the tenant copies of assigned numbers
 * ({@code cc.tenant_number}), written together in one platform-scope transaction.
 */
@Repository
class PhoneNumbers {

    private static final String SELECT = """
            select p.id, p.e164, p.type, p.carrier_id, c.name as carrier_name, p.assigned_tenant_id, p.version
            from cc.phone_number p join cc.carrier c on c.id = p.carrier_id
            """;

    private final JdbcClient jdbc;

    PhoneNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(UUID id, String e164, NumberType type, UUID carrierId, String carrierName, UUID tenantId,
            long version) {

        NumberView view() {
            return new NumberView(id, e164, type, carrierId, carrierName, tenantId, version);
        }
    }

    /** {@code digits} is a substring of the number ("" for all); {@code tenantId} null for every tenant. */
    List<Row> page(String digits, UUID tenantId, int page, int size) {
        Map<String, Object> params = filterParams(digits, tenantId);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql(SELECT + filter(digits, tenantId) + " order by p.e164 limit :limit offset :offset")
                .params(params).query(PhoneNumbers::map).list();
    }

    long count(String digits, UUID tenantId) {
        return jdbc.sql("select count(*) from cc.phone_number p" + filter(digits, tenantId))
                .params(filterParams(digits, tenantId)).query(Long.class).single();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(PhoneNumbers::map).optional();
    }

    Optional<Row> lock(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id for update of p").param("id", id).query(PhoneNumbers::map)
                .optional();
    }

    Optional<Row> findByE164(String e164) {
        return jdbc.sql(SELECT + " where p.e164 = :e164").param("e164", e164).query(PhoneNumbers::map).optional();
    }

    void insert(UUID id, String e164, NumberType type, UUID carrierId, UUID tenantId) {
        jdbc.sql("""
                insert into cc.phone_number (id, e164, type, carrier_id, assigned_tenant_id, version)
                values (:id, :e164, :type, :carrierId, :tenantId, 0)
                """).params(row(id, e164, type, carrierId, tenantId)).update();
    }

    void update(UUID id, String e164, NumberType type, UUID carrierId, UUID tenantId) {
        jdbc.sql("""
                update cc.phone_number set e164 = :e164, type = :type, carrier_id = :carrierId,
                    assigned_tenant_id = :tenantId, version = version + 1
                where id = :id
                """).params(row(id, e164, type, carrierId, tenantId)).update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from cc.tenant_number where id = :id").param("id", id).update();
        jdbc.sql("delete from cc.phone_number where id = :id").param("id", id).update();
    }

    /** The tenant's copy of a newly assigned number: calls go to its agents until it routes them elsewhere. */
    void assign(UUID id, UUID tenantId, String e164, NumberType type) {
        jdbc.sql("""
                insert into cc.tenant_number (id, tenant_id, e164, type, target, greeting, version)
                values (:id, :tenantId, :e164, :type, 'AGENTS', null, 0)
                """).params(row(id, e164, type, null, tenantId)).update();
    }

    /** Moves the tenant copy to another tenant, dropping the old tenant's routing and greeting. */
    void move(UUID id, UUID tenantId) {
        jdbc.sql("""
                update cc.tenant_number set tenant_id = :tenantId, target = 'AGENTS', greeting = null,
                    version = version + 1
                where id = :id
                """).param("id", id).param("tenantId", tenantId).update();
    }

    /** Keeps the tenant copy's number and type in step with the inventory. */
    void describe(UUID id, String e164, NumberType type) {
        jdbc.sql("""
                update cc.tenant_number set e164 = :e164, type = :type, version = version + 1
                where id = :id and (e164 <> :e164 or type <> :type)
                """).param("id", id).param("e164", e164).param("type", type.name()).update();
    }

    void unassign(UUID id) {
        jdbc.sql("delete from cc.tenant_number where id = :id").param("id", id).update();
    }

    private static String filter(String digits, UUID tenantId) {
        StringBuilder where = new StringBuilder(" where true");
        if (!digits.isEmpty()) {
            // position(), not like: the search term's % and _ must not act as wildcards
            where.append(" and position(:digits in p.e164) > 0");
        }
        if (tenantId != null) {
            where.append(" and p.assigned_tenant_id = :tenantId");
        }
        return where.toString();
    }

    private static Map<String, Object> filterParams(String digits, UUID tenantId) {
        Map<String, Object> params = new HashMap<>();
        if (!digits.isEmpty()) {
            params.put("digits", digits);
        }
        if (tenantId != null) {
            params.put("tenantId", tenantId);
        }
        return params;
    }

    private static Map<String, Object> row(UUID id, String e164, NumberType type, UUID carrierId, UUID tenantId) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("e164", e164);
        params.put("type", type.name());
        params.put("carrierId", carrierId);
        params.put("tenantId", tenantId);
        return params;
    }

    private static Row map(ResultSet row, int index) throws SQLException {
        return new Row(row.getObject("id", UUID.class), row.getString("e164"), NumberType.valueOf(row.getString("type")),
                row.getObject("carrier_id", UUID.class), row.getString("carrier_name"),
                row.getObject("assigned_tenant_id", UUID.class), row.getLong("version"));
    }
}
