package io.linea.cc.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.linea.cc.Api;
import io.linea.platform.testing.EmbeddedDatabase;
import io.linea.platform.testing.LineaIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark of the integration API's client upsert (CRM-05): {@code POST /api/integration/v1/clients:upsert}
 * with an API key, {@code ROWS} cards in requests of 1,000, as a tenant's CRM would push them. Not a test:
 * surefire's default includes skip {@code *Benchmark}; {@code benchmarks/run-crm-upsert.sh} runs it.
 * <p>
 * Three passes through the API: the first creates every card, the second sends the same cards (all
 * unchanged: nothing is written), the third changes one field of every card. The baseline, in the same
 * run, writes the same cards (client, phone, e-mail and the search document) straight into the tables
 * with JDBC batches of 1,000, without any check: the floor of what PostgreSQL itself takes. Both send
 * {@code linea.bench.streams} batches at a time (default: one per core), as a loader for an initial load would.
 */
@LineaIntegrationTest
class ClientUpsertBenchmark {

    private static final int ROWS = Integer.getInteger("linea.bench.rows", 100_000);
    private static final int BATCH = 1000;
    /** Requests in flight at a time, one per core of this machine by default. */
    private static final int STREAMS = Integer.getInteger("linea.bench.streams",
            Runtime.getRuntime().availableProcessors());
    private static final double TARGET_ROWS_PER_SECOND = 5000;
    private static final Path OUTPUT = Path.of(System.getProperty("linea.bench.output",
            "../docs/benchmarks/crm-upsert.md"));
    private static final String COMMAND = System.getProperty("linea.bench.command", "benchmarks/run-crm-upsert.sh");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void upsertThroughTheIntegrationApi() throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Api admin = Api.adminOfNewTenant(port);
        assertThat(admin.get("/api/cc/settings").status()).isEqualTo(200);
        Api.Response credential = admin.post("/api/cc/api-credentials", Map.of("name", "Benchmark", "scopes",
                List.of("clients.write", "clients.read")));
        assertThat(credential.status()).as(credential.toString()).isEqualTo(201);
        String key = credential.json().path("secret").asString();
        assertThat(key).startsWith("lnk_");

        // warm up on 2,000 cards of their own
        pass(key, "W", 2000, "warm");
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("create (every card new)", pass(key, "C", ROWS, "created"));
        rates.put("same cards again (all unchanged)", pass(key, "C", ROWS, "unchanged"));
        rates.put("one field changed on every card", pass(key, "C", ROWS, "updated"));
        Api other = Api.adminOfNewTenant(port);
        assertThat(other.get("/api/cc/settings").status()).isEqualTo(200);
        double baseline = baseline(other.tenant());
        write(loadBefore, rates, baseline);
    }

    /**
     * Sends {@code rows} cards in requests of 1,000, {@link #STREAMS} requests at a time (as a loader with that many
     * connections would), and returns cards per second.
     */
    private double pass(String key, String prefix, int rows, String expect) throws Exception {
        long start = System.nanoTime();
        AtomicInteger counted = new AtomicInteger();
        inStreams(rows, from -> {
            StringBuilder body = new StringBuilder("[");
            for (int i = from; i < Math.min(rows, from + BATCH); i++) {
                if (i > from) {
                    body.append(',');
                }
                body.append(card(prefix, i, "updated".equals(expect)));
            }
            body.append(']');
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/integration/v1/clients:upsert")).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode results = Api.JSON.readTree(response.body());
            for (JsonNode result : results) {
                String outcome = result.path("result").asString();
                if (!"warm".equals(expect)) {
                    assertThat(outcome).as(result.toString()).isEqualTo(expect.toUpperCase(Locale.ROOT));
                }
                counted.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(counted.get()).isEqualTo(rows);
        return rows / seconds;
    }

    private interface Batch {
        void run(int from) throws Exception;
    }

    /** Runs every batch of {@code rows} ({@code from} = 0, 1,000, …) on {@link #STREAMS} threads. */
    private static void inStreams(int rows, Batch batch) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(STREAMS)) {
            List<Future<?>> streams = new ArrayList<>();
            for (int t = 0; t < STREAMS; t++) {
                streams.add(threads.submit(() -> {
                    for (int from = next.getAndAdd(BATCH); from < rows; from = next.getAndAdd(BATCH)) {
                        batch.run(from);
                    }
                    return null;
                }));
            }
            for (Future<?> stream : streams) {
                try {
                    stream.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
    }

    private static String card(String prefix, int i, boolean changed) {
        String first = FIRST[i % FIRST.length];
        String last = LAST[(i / FIRST.length) % LAST.length];
        return String.format(Locale.ROOT, "{\"externalId\":\"%s-%d\",\"firstName\":\"%s\",\"lastName\":\"%s\","
                + "\"organisation\":%s,\"language\":\"ro\",\"phones\":[{\"number\":\"+3736%07d\",\"label\":\"mobile\"}],"
                + "\"emails\":[{\"address\":\"%s.%s%d@example.md\"}],\"tags\":[\"%s\"]}", prefix, i, first, last,
                changed ? "\"" + last + " SRL\"" : "null", i, first.toLowerCase(Locale.ROOT),
                last.toLowerCase(Locale.ROOT), i, i % 3 == 0 ? "vip" : "regular");
    }

    /** The same cards written straight into the tables with JDBC batches, no checks: cards per second. */
    private double baseline(UUID tenant) throws Exception {
        long start = System.nanoTime();
        Timestamp now = Timestamp.from(Instant.now());
        inStreams(ROWS, from -> {
            try (Connection db = EmbeddedDatabase.shared().superuserConnection();
                    PreparedStatement client = db.prepareStatement("""
                            insert into cc.client (id, tenant_id, first_name, last_name, organisation, external_id,
                                language, tags, search_text, created_at, updated_at)
                            values (?, ?, ?, ?, null, ?, 'ro', ?, ?, ?, ?)
                            """);
                    PreparedStatement phone = db.prepareStatement("""
                            insert into cc.client_phone (id, tenant_id, client_id, number, label, position)
                            values (?, ?, ?, ?, 'mobile', 0)
                            """);
                    PreparedStatement email = db.prepareStatement("""
                            insert into cc.client_email (id, tenant_id, client_id, address, label, position)
                            values (?, ?, ?, ?, null, 0)
                            """)) {
                db.setAutoCommit(false);
                for (int i = from; i < Math.min(ROWS, from + BATCH); i++) {
                    UUID id = UUID.randomUUID();
                    String first = FIRST[i % FIRST.length];
                    String last = LAST[(i / FIRST.length) % LAST.length];
                    String number = String.format(Locale.ROOT, "+3736%07d", i);
                    String address = first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + i
                            + "@example.md";
                    String tag = i % 3 == 0 ? "vip" : "regular";
                    client.setObject(1, id);
                    client.setObject(2, tenant);
                    client.setString(3, first);
                    client.setString(4, last);
                    client.setString(5, "B-" + i);
                    client.setArray(6, db.createArrayOf("text", new String[] { tag }));
                    client.setString(7, String.join(" ", first, last, "B-" + i, tag, number, number.substring(1),
                            address));
                    client.setTimestamp(8, now);
                    client.setTimestamp(9, now);
                    client.addBatch();
                    phone.setObject(1, UUID.randomUUID());
                    phone.setObject(2, tenant);
                    phone.setObject(3, id);
                    phone.setString(4, number);
                    phone.addBatch();
                    email.setObject(1, UUID.randomUUID());
                    email.setObject(2, tenant);
                    email.setObject(3, id);
                    email.setString(4, address);
                    email.addBatch();
                }
                client.executeBatch();
                phone.executeBatch();
                email.executeBatch();
                db.commit();
            }
        });
        return ROWS / ((System.nanoTime() - start) / 1e9);
    }

    private void write(double loadBefore, Map<String, Double> rates, double baseline)
            throws IOException, SQLException {
        StringBuilder out = new StringBuilder();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(
                ZoneOffset.UTC));
        out.append("\n## Run of ").append(when).append("\n\n");
        out.append(String.format(Locale.ROOT, "Command: `%s`. %d cores, load average %.1f before the run; %,d cards "
                + "per pass in requests of %,d, one API key, %d request(s) in flight at a time (the baseline: as many "
                + "JDBC connections); PostgreSQL shared_buffers %s, max_wal_size %s.%n%n", COMMAND,
                Runtime.getRuntime().availableProcessors(), loadBefore, ROWS, BATCH, STREAMS, EmbeddedDatabase.shared().setting("shared_buffers"),
                EmbeddedDatabase.shared().setting("max_wal_size")));
        out.append("| pass | cards/s | of the baseline |\n|---|---:|---:|\n");
        rates.forEach((pass, rate) -> out.append(String.format(Locale.ROOT, "| Linea: %s | %,.0f | %.2f× |%n", pass,
                rate, rate / baseline)));
        out.append(String.format(Locale.ROOT, "| baseline: plain JDBC batch inserts, no checks | %,.0f | 1.00× |%n%n",
                baseline));
        double created = rates.values().iterator().next();
        out.append(String.format(Locale.ROOT, "Target ≥ %,.0f cards/s when creating: %s.%n", TARGET_ROWS_PER_SECOND,
                created >= TARGET_ROWS_PER_SECOND ? "met" : "not met"));
        System.out.println(out);
        Files.createDirectories(OUTPUT.toAbsolutePath().getParent());
        Files.writeString(OUTPUT, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Files.writeString(Path.of("target", "crm-upsert-latest.md"), out.toString(), StandardCharsets.UTF_8);
    }

    private static final String[] FIRST = { "Maria", "Ion", "Elena", "Vasile", "Ana", "Andrei", "Natalia", "Sergiu",
        "Olga", "Dmitri", "Irina", "Alexandru", "Tatiana", "Mihai", "Jana", "Petr", "Piotr", "Katarzyna", "Olena",
        "Aigerim" };
    private static final String[] LAST = { "Ceban", "Rusu", "Lungu", "Munteanu", "Popa", "Cojocaru", "Ivanov",
        "Smirnov", "Novak", "Svoboda", "Nowak", "Kowalski", "Shevchenko", "Kovalenko", "Akhmetov", "Balan" };
}
