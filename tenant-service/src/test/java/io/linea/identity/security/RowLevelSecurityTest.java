package io.linea.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.linea.identity.testing.Api;
import io.linea.identity.testing.Fixtures;
import io.linea.identity.testing.IdentityIntegrationTest;
import io.linea.identity.tenant.Tenant;
import io.linea.platform.security.Roles;

/**
 * Row-level security proof (TEN-01): as the application role, a transaction scoped to tenant A sees
 * only A's rows in every table of schema {@code identity} with a {@code tenant_id} column, and a
 * transaction without a scope sees none.
 */
class RowLevelSecurityTest extends IdentityIntegrationTest {

    @Test
    void theAppRoleSeesOnlyTheTenantInScope() throws SQLException {
        Tenant a = fixtures.tenant();
        Tenant b = fixtures.tenant();
        Fixtures.User adminA = fixtures.user(a, Roles.TENANT_ADMIN);
        Fixtures.User adminB = fixtures.user(b, Roles.TENANT_ADMIN);
        api().as(adminA.token()).tenant(a.id()).get("/api/identity/policy");
        Api.Response switched = api().as(adminB.token()).post("/api/identity/me/active-tenant",
                java.util.Map.of("tenantId", b.id()));
        assertThat(switched.status()).isEqualTo(204);

        List<String> tables = tenantTables();
        assertThat(tables).contains("membership", "tenant_policy", "audit_event", "platform_audit_event");

        try (Connection app = Fixtures.appConnection()) {
            app.setAutoCommit(false);
            for (String table : tables) {
                scope(app, a.id().toString());
                long visible = count(app, "select count(*) from identity." + table);
                long own = count(app, "select count(*) from identity." + table + " where tenant_id = '" + a.id() + "'");
                long foreign = count(app, "select count(*) from identity." + table
                        + " where tenant_id is distinct from '" + a.id() + "'");
                assertThat(foreign).as(table + ": rows of other tenants visible in tenant A's scope").isZero();
                assertThat(visible).as(table).isEqualTo(own);
                long total = (long) fixtures.query("select count(*) from identity." + table).getFirst();
                assertThat(total).as(table + " has rows of other tenants (superuser view)").isGreaterThan(own);
                app.rollback();

                long unscoped = count(app, "select count(*) from identity." + table);
                assertThat(unscoped).as(table + " without a tenant in scope").isZero();
                app.rollback();
            }
            for (String table : List.of("membership", "tenant_policy", "audit_event")) {
                scope(app, a.id().toString());
                assertThat(count(app, "select count(*) from identity." + table)).as(table + " of A").isPositive();
                app.rollback();
            }
        }
    }

    @Test
    void theAppRoleCannotWriteIntoAnotherTenant() throws SQLException {
        Tenant a = fixtures.tenant();
        Tenant b = fixtures.tenant();
        try (Connection app = Fixtures.appConnection()) {
            app.setAutoCommit(false);
            scope(app, a.id().toString());
            try (PreparedStatement s = app.prepareStatement("insert into identity.audit_event (tenant_id, type, outcome)"
                    + " values (?, 'forged', 'SUCCESS')")) {
                s.setObject(1, b.id());
                org.assertj.core.api.Assertions.assertThatThrownBy(s::executeUpdate).isInstanceOf(SQLException.class)
                        .hasMessageContaining("row-level security");
            }
            app.rollback();
            scope(app, a.id().toString());
            try (PreparedStatement s = app.prepareStatement(
                    "update identity.tenant_policy set min_length = 99 where tenant_id = ?")) {
                s.setObject(1, b.id());
                assertThat(s.executeUpdate()).isZero();
            }
            app.rollback();
        }
        assertThat(fixtures.query("select min_length from identity.tenant_policy where tenant_id = ?", b.id()))
                .containsExactly(10);
    }

    private List<String> tenantTables() {
        List<String> tables = new ArrayList<>();
        for (Object name : fixtures.query("select table_name from information_schema.columns where table_schema ="
                + " 'identity' and column_name = 'tenant_id' order by table_name")) {
            tables.add(String.valueOf(name));
        }
        return tables;
    }

    private static void scope(Connection app, String tenant) throws SQLException {
        try (PreparedStatement s = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            s.setString(1, tenant);
            s.execute();
        }
    }

    private static long count(Connection app, String sql) throws SQLException {
        try (PreparedStatement s = app.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static UUID random() {
        return UUID.randomUUID();
    }
}
