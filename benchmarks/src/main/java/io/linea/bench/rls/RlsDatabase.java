package io.linea.bench.rls;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.linea.platform.testing.EmbeddedDatabase;

/**
 * Two tables of identical shape in schema {@code bench}: {@code item_rls} with row-level security
 * enabled, forced and the standard Linea policy, and {@code item_plain} without RLS. Both hold the
 * same rows: {@value #TENANTS} tenants x {@value #ROWS_PER_TENANT} rows.
 */
final class RlsDatabase {

    static final int TENANTS = 200;
    static final int ROWS_PER_TENANT = 500;

    /** One row to look up: its tenant, id and name. */
    record Key(UUID tenant, UUID id, String name) {
    }

    private RlsDatabase() {
    }

    static List<Key> prepare(EmbeddedDatabase database) throws SQLException {
        try (Connection admin = database.superuserConnection(); Statement sql = admin.createStatement()) {
            if (!alreadyLoaded(sql)) {
                load(sql);
            }
            List<Key> keys = new ArrayList<>(TENANTS * ROWS_PER_TENANT);
            try (ResultSet rows = sql.executeQuery("select tenant_id, id, name from bench.item_plain")) {
                while (rows.next()) {
                    keys.add(new Key(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3)));
                }
            }
            return keys;
        }
    }

    /** True when an earlier fork finished loading exactly this data set. */
    private static boolean alreadyLoaded(Statement sql) throws SQLException {
        try (ResultSet rows = sql.executeQuery("select to_regclass('bench.loaded') is not null")) {
            rows.next();
            if (!rows.getBoolean(1)) {
                return false;
            }
        }
        try (ResultSet rows = sql.executeQuery("select tenants, rows_per_tenant from bench.loaded")) {
            return rows.next() && rows.getInt(1) == TENANTS && rows.getInt(2) == ROWS_PER_TENANT;
        }
    }

    private static void load(Statement sql) throws SQLException {
        sql.execute("drop schema if exists bench cascade");
        sql.execute("create schema bench");
        sql.execute("grant usage on schema bench to " + EmbeddedDatabase.APP);
        for (String table : List.of("item_rls", "item_plain")) {
            sql.execute("""
                    create table bench.%1$s (
                        id         uuid primary key,
                        tenant_id  uuid not null,
                        name       varchar(100) not null,
                        status     varchar(20) not null,
                        payload    text not null,
                        created_at timestamptz not null default now(),
                        constraint %1$s_name_unique unique (tenant_id, name)
                    )""".formatted(table));
            sql.execute("create index %1$s_tenant_status on bench.%1$s (tenant_id, status)".formatted(table));
            sql.execute("grant select, insert, update, delete on bench.%s to %s".formatted(table,
                    EmbeddedDatabase.APP));
        }
        sql.execute("""
                insert into bench.item_plain (id, tenant_id, name, status, payload)
                select md5('item-' || t || '-' || r)::uuid, md5('tenant-' || t)::uuid, 'item-' || r,
                       case when r %% 3 = 0 then 'closed' else 'open' end, repeat('x', 80)
                from generate_series(1, %d) t, generate_series(1, %d) r""".formatted(TENANTS, ROWS_PER_TENANT));
        sql.execute("insert into bench.item_rls select * from bench.item_plain");
        // Exactly the policies of Linea's migrations: the application role sees its tenant through
        // app.tenant_id; platform scope is a separate role with its own policy (docs/tenancy.md).
        sql.execute("alter table bench.item_rls enable row level security");
        sql.execute("alter table bench.item_rls force row level security");
        sql.execute("""
                create policy item_rls_tenant_isolation on bench.item_rls to %s
                  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
                  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)"""
                .formatted(EmbeddedDatabase.APP));
        sql.execute("create policy item_rls_platform_access on bench.item_rls to %s using (true) with check (true)"
                .formatted(EmbeddedDatabase.PLATFORM));
        sql.execute("analyze bench.item_plain");
        sql.execute("analyze bench.item_rls");
        sql.execute("create table bench.loaded as select %d as tenants, %d as rows_per_tenant"
                .formatted(TENANTS, ROWS_PER_TENANT));
    }

    /** Prints the plans the app role gets, so a reader of the results can see why the numbers are what they are. */
    static void explain(String jdbcUrl, Key key) throws SQLException {
        try (Connection app = DriverManager.getConnection(jdbcUrl, EmbeddedDatabase.APP, EmbeddedDatabase.APP)) {
            app.setAutoCommit(false);
            try (PreparedStatement set = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, key.tenant().toString());
                set.execute();
            }
            String t = "'" + key.tenant() + "'";
            for (String query : List.of(
                    "select * from bench.item_rls where name = '" + key.name() + "'",
                    "select * from bench.item_rls where tenant_id = " + t + " and name = '" + key.name() + "'",
                    "select * from bench.item_plain where tenant_id = " + t + " and name = '" + key.name() + "'",
                    "select count(*) from bench.item_rls",
                    "select count(*) from bench.item_rls where tenant_id = " + t,
                    "select count(*) from bench.item_plain where tenant_id = " + t,
                    "select * from bench.item_rls where id = '" + key.id() + "'",
                    "select * from bench.item_plain where tenant_id = " + t + " and id = '" + key.id() + "'")) {
                StringBuilder plan = new StringBuilder("B8a plan: " + query + "\n");
                try (Statement sql = app.createStatement(); ResultSet rows = sql.executeQuery("explain " + query)) {
                    while (rows.next()) {
                        plan.append("    ").append(rows.getString(1)).append('\n');
                    }
                }
                System.out.print(plan);
            }
            app.rollback();
        }
    }
}
