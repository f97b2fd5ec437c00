package io.linea.bench.rls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.linea.platform.testing.EmbeddedDatabase;

/**
 * B8a: what PostgreSQL row-level security costs per tenant-scoped query. Each operation is one
 * transaction as the application role {@code linea_app}, exactly as Linea's services run it:
 * {@code set_config('app.tenant_id', …, true)}, one query, commit. The {@code rls*} benchmarks query
 * {@code item_rls} and rely on the policy alone; the {@code plain*} benchmarks query the RLS-free
 * {@code item_plain} with an explicit {@code tenant_id = ?} predicate and the same set_config, so the
 * only difference is row-level security. The {@code hinted*} benchmarks query {@code item_rls} with
 * the explicit predicate as well: that is what Linea's services really send, because Hibernate's
 * {@code @TenantId} filter adds {@code tenant_id = ?} to every query. All walk the same pseudo-random
 * key sequence.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class RlsOverheadBenchmark {

    @State(Scope.Benchmark)
    public static class Data {

        List<RlsDatabase.Key> keys;
        String jdbcUrl;
        EmbeddedDatabase database;

        /**
         * Every benchmark runs in its own fork; they share one data directory so that only the first
         * fork pays for loading the rows ({@code -Db8a.pgdata}, default {@code benchmarks/target/b8a/pgdata}).
         */
        @Setup(Level.Trial)
        public void prepare() throws SQLException, IOException {
            Path dataDirectory = Path.of(System.getProperty("b8a.pgdata", "benchmarks/target/b8a/pgdata"))
                    .toAbsolutePath();
            Files.createDirectories(dataDirectory.getParent());
            database = EmbeddedDatabase.start(dataDirectory, 0, false);
            keys = RlsDatabase.prepare(database);
            Collections.shuffle(keys, new Random(42));
            jdbcUrl = database.jdbcUrl();
            RlsDatabase.explain(jdbcUrl, keys.getFirst());
        }

        @TearDown(Level.Trial)
        public void stop() {
            database.close();
        }
    }

    @State(Scope.Thread)
    public static class Session {

        Connection connection;
        PreparedStatement setTenant;
        PreparedStatement rlsByName;
        PreparedStatement plainByName;
        PreparedStatement rlsCount;
        PreparedStatement plainCount;
        PreparedStatement rlsById;
        PreparedStatement hintedByName;
        PreparedStatement hintedCount;
        PreparedStatement hintedById;
        PreparedStatement plainById;
        int next;

        @Setup(Level.Trial)
        public void open(Data data) throws SQLException {
            connection = DriverManager.getConnection(data.jdbcUrl, EmbeddedDatabase.APP, EmbeddedDatabase.APP);
            connection.setAutoCommit(false);
            setTenant = connection.prepareStatement("select set_config('app.tenant_id', ?, true)");
            String columns = "select id, tenant_id, name, status, payload, created_at from bench.";
            rlsByName = connection.prepareStatement(columns + "item_rls where name = ?");
            plainByName = connection.prepareStatement(columns + "item_plain where tenant_id = ? and name = ?");
            rlsCount = connection.prepareStatement("select count(*) from bench.item_rls");
            plainCount = connection.prepareStatement("select count(*) from bench.item_plain where tenant_id = ?");
            rlsById = connection.prepareStatement(columns + "item_rls where id = ?");
            plainById = connection.prepareStatement(columns + "item_plain where tenant_id = ? and id = ?");
            hintedByName = connection.prepareStatement(columns + "item_rls where tenant_id = ? and name = ?");
            hintedCount = connection.prepareStatement("select count(*) from bench.item_rls where tenant_id = ?");
            hintedById = connection.prepareStatement(columns + "item_rls where tenant_id = ? and id = ?");
        }

        RlsDatabase.Key nextKey(Data data) {
            RlsDatabase.Key key = data.keys.get(next);
            next = (next + 1) % data.keys.size();
            return key;
        }

        void begin(UUID tenant) throws SQLException {
            setTenant.setString(1, tenant.toString());
            setTenant.execute();
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    private static long consume(PreparedStatement query, Session session) throws SQLException {
        long rows = 0;
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows += result.getObject(1) == null ? 0 : 1;
            }
        }
        session.connection.commit();
        if (rows == 0) {
            throw new IllegalStateException("query found nothing: the benchmark would measure the wrong thing");
        }
        return rows;
    }

    @Benchmark
    public long rlsByName(Data data, Session session) throws SQLException {
        RlsDatabase.Key key = session.nextKey(data);
        session.begin(key.tenant());
        session.rlsByName.setString(1, key.name());
        return consume(session.rlsByName, session);
    }

    @Benchmark
    public long plainByName(Data data, Session session) throws SQLException {
        RlsDatabase.Key key = session.nextKey(data);
        session.begin(key.tenant());
        session.plainByName.setObject(1, key.tenant());
        session.plainByName.setString(2, key.name());
        return consume(session.plainByName, session);
    }

    /** Also checks the count: a policy that let through nothing (or everything) must not look fast. */
    private static long count(PreparedStatement query, Session session) throws SQLException {
        long count;
        try (ResultSet result = query.executeQuery()) {
            result.next();
            count = result.getLong(1);
        }
        session.connection.commit();
        if (count != RlsDatabase.ROWS_PER_TENANT) {
            throw new IllegalStateException("expected " + RlsDatabase.ROWS_PER_TENANT + " rows of one tenant, saw " + count);
        }
        return count;
    }

    @Benchmark
    public long rlsCount(Data data, Session session) throws SQLException {
        RlsDatabase.Key key = session.nextKey(data);
        session.begin(key.tenant());
        return count(session.rlsCount, session);
    }

    @Benchmark
    public long plainCount(Data data, Session session) throws SQLException {
        RlsDatabase.Key key = session.nextKey(data);
        session.begin(key.tenant());
        session.plainCount.setObject(1, key.tenant());
        return count(session.plainCount, session);
    }

    @Benchmark
    public long rlsById(Data data, Session session) throws SQLException {
        RlsDatabase.Key key = session.nextKey(data);
        session.begin(key.tenant());
        session.rlsById.setObject(1, key.id());
        return consume(session.rlsById, session);
    }

    @Benchmark
    public long plainById(Data data, Session session) throws SQLException {
        RlsDatabase.Key key = session.nextKey(data);
        session.begin(key.tenant());
        session.plainById.setObject(1, key.tenant());
        session.plainById.setObject(2, key.id());
        return consume(session.plainById, session);
    }

    @Benchmark
    public long hintedByName(Data data, Session session) throws SQLException {
        RlsDatabase.Key key = session.nextKey(data);
        session.begin(key.tenant());
        session.hintedByName.setObject(1, key.tenant());
        session.hintedByName.setString(2, key.name());
        return consume(session.hintedByName, session);
    }

    @Benchmark
    public long hintedCount(Data data, Session session) throws SQLException {
        RlsDatabase.Key key = session.nextKey(data);
        session.begin(key.tenant());
        session.hintedCount.setObject(1, key.tenant());
        return count(session.hintedCount, session);
    }

    @Benchmark
    public long hintedById(Data data, Session session) throws SQLException {
        RlsDatabase.Key key = session.nextKey(data);
        session.begin(key.tenant());
        session.hintedById.setObject(1, key.tenant());
        session.hintedById.setObject(2, key.id());
        return consume(session.hintedById, session);
    }
}
