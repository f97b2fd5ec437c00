package io.linea.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 (zonky's embedded binaries) prepared the way Linea runs in production: a
 * database {@code linea} owned by {@code linea_owner} (Flyway migrates as the owner) and an
 * application role {@code linea_app} without {@code BYPASSRLS}, so row-level security applies, and
 * {@code linea_platform}, the role platform-scope transactions switch to.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "linea";
    public static final String OWNER = "linea_owner";
    public static final String APP = "linea_app";
    /** No login; platform-scope transactions of the application role switch to it. */
    public static final String PLATFORM = "linea_platform";

    private static EmbeddedDatabase shared;

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** One database per test JVM, started on first use on a free port. */
    public static synchronized EmbeddedDatabase shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("linea-pg-");
                shared = start(dir, 0, true);
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Starts PostgreSQL on {@code port} (0 = any free port) with its data in {@code dataDirectory}. */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean clean) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
        // more settings for one run, e.g. a benchmark's memory: -Dlinea.db.server-config=shared_buffers=4GB;work_mem=16MB
        for (String setting : System.getProperty("linea.db.server-config", "").split(";")) {
            int equals = setting.indexOf('=');
            if (equals > 0) {
                builder.setServerConfig(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip());
            }
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
        database.prepare();
        return database;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** A superuser connection to the {@code linea} database, for test setup that must see every row. */
    public Connection superuserConnection() throws SQLException {
        return postgres.getDatabase("postgres", DATABASE).getConnection();
    }

    /** A server setting as PostgreSQL shows it ({@code shared_buffers} → "4GB"), for benchmark reports. */
    public String setting(String name) throws SQLException {
        try (Connection db = superuserConnection();
                java.sql.PreparedStatement show = db.prepareStatement("select current_setting(?)")) {
            show.setString(1, name);
            try (java.sql.ResultSet row = show.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private void prepare() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            createRole(statement, OWNER, "NOSUPERUSER NOBYPASSRLS CREATEDB");
            createRole(statement, APP, "NOSUPERUSER NOBYPASSRLS");
            createRole(statement, PLATFORM, "NOSUPERUSER NOBYPASSRLS");
            statement.execute("alter role " + PLATFORM + " nologin");
            // SET but not INHERIT: policies granted to the platform role must not apply to the
            // application role's tenant-scoped transactions, only after SET LOCAL ROLE.
            statement.execute("grant " + PLATFORM + " to " + APP + " with inherit false, set true");
            try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("create database " + DATABASE + " owner " + OWNER);
                }
            }
            statement.execute("grant connect on database " + DATABASE + " to " + APP);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database", e);
        }
    }

    private static void createRole(Statement statement, String role, String options) throws SQLException {
        try (ResultSet exists = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            if (exists.next()) {
                return;
            }
        }
        statement.execute("create role " + role + " login password '" + role + "' " + options);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
