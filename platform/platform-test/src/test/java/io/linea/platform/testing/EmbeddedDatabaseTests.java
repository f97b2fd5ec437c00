package io.linea.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** The test database is prepared like production: the application role cannot bypass row-level security (TEN-01). */
class EmbeddedDatabaseTests {

    @Test
    void applicationRoleIsNeitherSuperuserNorExemptFromRowLevelSecurity() throws SQLException {
        EmbeddedDatabase database = EmbeddedDatabase.shared();
        try (Connection app = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.APP, EmbeddedDatabase.APP);
                Statement statement = app.createStatement();
                ResultSet role = statement.executeQuery(
                        "select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
            assertThat(role.next()).isTrue();
            assertThat(role.getBoolean("rolsuper")).isFalse();
            assertThat(role.getBoolean("rolbypassrls")).isFalse();
        }
    }

    @Test
    void applicationRoleCannotCreateTablesInTheDatabase() throws SQLException {
        EmbeddedDatabase database = EmbeddedDatabase.shared();
        try (Connection app = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.APP, EmbeddedDatabase.APP);
                Statement statement = app.createStatement()) {
            assertThatThrownBy(() -> statement.execute("create schema intruder")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void ownerRoleOwnsTheDatabase() throws SQLException {
        EmbeddedDatabase database = EmbeddedDatabase.shared();
        try (Connection superuser = database.superuserConnection();
                Statement statement = superuser.createStatement();
                ResultSet owner = statement.executeQuery(
                        "select pg_get_userbyid(datdba) from pg_database where datname = current_database()")) {
            assertThat(owner.next()).isTrue();
            assertThat(owner.getString(1)).isEqualTo(EmbeddedDatabase.OWNER);
        }
    }

    @Test
    void applicationRoleCanSwitchToThePlatformRoleButDoesNotInheritIt() throws SQLException {
        EmbeddedDatabase database = EmbeddedDatabase.shared();
        try (Connection app = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.APP, EmbeddedDatabase.APP);
                Statement statement = app.createStatement()) {
            try (ResultSet inherits = statement.executeQuery("select pg_has_role('" + EmbeddedDatabase.APP + "', '"
                    + EmbeddedDatabase.PLATFORM + "', 'USAGE'), pg_has_role('" + EmbeddedDatabase.APP + "', '"
                    + EmbeddedDatabase.PLATFORM + "', 'MEMBER')")) {
                assertThat(inherits.next()).isTrue();
                assertThat(inherits.getBoolean(1)).as("inherits the platform role's rights").isFalse();
                assertThat(inherits.getBoolean(2)).as("may switch to the platform role").isTrue();
            }
            app.setAutoCommit(false);
            statement.execute("set local role " + EmbeddedDatabase.PLATFORM);
            try (ResultSet role = statement.executeQuery("select current_user")) {
                assertThat(role.next()).isTrue();
                assertThat(role.getString(1)).isEqualTo(EmbeddedDatabase.PLATFORM);
            }
            app.rollback();
        }
    }
}
