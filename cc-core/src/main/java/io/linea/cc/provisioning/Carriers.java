package io.linea.cc.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The platform's carriers ({@code cc.carrier}), read and written in platform scope. JDBC, not JPA: the
 * table has no tenant, and every entity of cc-core is tenant-filtered by design.
 */
@Repository
class Carriers {

    private static final String COLUMNS = """
            c.id, c.name, c.host, c.port, c.transport, c.username, c.password, c.codecs, c.match_cidrs, c.enabled,
            c.version, (select count(*) from cc.phone_number p where p.carrier_id = c.id) as number_count
            """;

    private final JdbcClient jdbc;

    Carriers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Carrier> page(int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from cc.carrier c order by c.name, c.id limit :limit offset :offset")
                .param("limit", size).param("offset", (long) page * size).query(Carriers::map).list();
    }

    long count() {
        return jdbc.sql("select count(*) from cc.carrier").query(Long.class).single();
    }

    List<Carrier> enabled() {
        return jdbc.sql("select " + COLUMNS + " from cc.carrier c where c.enabled order by c.name, c.id")
                .query(Carriers::map).list();
    }

    Optional<Carrier> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from cc.carrier c where c.id = :id").param("id", id)
                .query(Carriers::map).optional();
    }

    /** Locks the row until the transaction ends: a concurrent change or delete waits for it. */
    Optional<Carrier> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from cc.carrier c where c.id = :id for update").param("id", id)
                .query(Carriers::map).optional();
    }

    /** Keeps the carrier from being deleted until the transaction ends, while a number is put on it. */
    boolean share(UUID id) {
        return jdbc.sql("select id from cc.carrier where id = :id for share").param("id", id).query(UUID.class)
                .optional().isPresent();
    }

    Optional<Carrier> findByName(String name) {
        return jdbc.sql("select " + COLUMNS + " from cc.carrier c where c.name = :name").param("name", name)
                .query(Carriers::map).optional();
    }

    void insert(Carrier carrier) {
        jdbc.sql("""
                insert into cc.carrier (id, name, host, port, transport, username, password, codecs, match_cidrs,
                    enabled, version)
                values (:id, :name, :host, :port, :transport, :username, :password, :codecs, :matchCidrs, :enabled, 0)
                """).params(params(carrier)).update();
    }

    void update(Carrier carrier) {
        jdbc.sql("""
                update cc.carrier set name = :name, host = :host, port = :port, transport = :transport,
                    username = :username, password = :password, codecs = :codecs, match_cidrs = :matchCidrs,
                    enabled = :enabled, version = version + 1
                where id = :id
                """).params(params(carrier)).update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from cc.carrier where id = :id").param("id", id).update();
    }

    private static Map<String, Object> params(Carrier carrier) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", carrier.id());
        params.put("name", carrier.name());
        params.put("host", carrier.host());
        params.put("port", carrier.port());
        params.put("transport", carrier.transport());
        params.put("username", carrier.username());
        params.put("password", carrier.password());
        params.put("codecs", String.join(",", carrier.codecs()));
        params.put("matchCidrs", String.join(",", carrier.matchCidrs()));
        params.put("enabled", carrier.enabled());
        return params;
    }

    private static Carrier map(ResultSet row, int index) throws SQLException {
        return new Carrier(row.getObject("id", UUID.class), row.getString("name"), row.getString("host"),
                row.getInt("port"), row.getString("transport"), row.getString("username"), row.getString("password"),
                list(row.getString("codecs")), list(row.getString("match_cidrs")), row.getBoolean("enabled"),
                row.getLong("version"), row.getLong("number_count"));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).filter(s -> !s.isBlank()).toList();
    }
}
