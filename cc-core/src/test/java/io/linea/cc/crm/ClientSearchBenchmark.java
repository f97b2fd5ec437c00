package io.linea.cc.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.linea.cc.Api;
import io.linea.platform.testing.EmbeddedDatabase;
import io.linea.platform.testing.LineaIntegrationTest;

/**
 * Benchmark of client search (CRM-03): {@code GET /api/cc/clients?q=…} over {@code CLIENTS} clients of one
 * tenant with {@code OTHERS} other tenants of {@code OTHER_CLIENTS} clients each in the same tables. Not a
 * test: surefire's default includes skip {@code *Benchmark}; {@code benchmarks/run-crm-search.sh} runs it.
 * <p>
 * The data is generated in SQL (names from seven countries, one mobile and one e-mail address per
 * client, an external id) with the same search document the application builds. The queries are what
 * agents type, drawn from the generated clients: a full name, a surname, a surname's first three letters,
 * six digits of a phone number, an e-mail address and an external id. Each is timed through the HTTP API
 * (first page of 20, with the total). The baseline, in the same run, is the search a plain
 * implementation would make: the same words matched with {@code ILIKE '%…%'} over the name, organisation,
 * phone and e-mail columns of the tenant's rows, in SQL, without the application.
 */
@LineaIntegrationTest
class ClientSearchBenchmark {

    private static final int CLIENTS = intSetting("linea.bench.clients", 1_000_000);
    private static final int OTHERS = intSetting("linea.bench.other-tenants", 10);
    private static final int OTHER_CLIENTS = intSetting("linea.bench.other-clients", 100_000);
    private static final int QUERIES = intSetting("linea.bench.queries", 600);
    private static final int BASELINE_QUERIES = intSetting("linea.bench.baseline-queries", 60);
    private static final int HOLD_SECONDS = intSetting("linea.bench.hold-seconds", 0);
    private static final double P95_TARGET_MS = 100;
    private static final Path OUTPUT = Path.of(System.getProperty("linea.bench.output",
            "../docs/benchmarks/crm-search.md"));
    private static final String COMMAND = System.getProperty("linea.bench.command", "benchmarks/run-crm-search.sh");

    private static final String[] FIRST = { "Maria", "Ion", "Elena", "Vasile", "Ana", "Andrei", "Natalia", "Sergiu",
        "Olga", "Dmitri", "Irina", "Alexandru", "Tatiana", "Mihai", "Svetlana", "Nicolae", "Jana", "Petr", "Tereza",
        "Jakub", "Lucie", "Tomáš", "Kateřina", "Anna", "Piotr", "Katarzyna", "Krzysztof", "Agnieszka", "Łukasz",
        "Małgorzata", "Olena", "Oleksandr", "Iryna", "Andrii", "Nataliia", "Aigerim", "Nursultan", "Dana", "Yerlan",
        "Aruzhan", "Daniel", "Sofia", "David", "Eva", "Martin", "Laura", "Victor", "Diana", "Pavel", "Alina" };
    private static final String[] LAST = { "Ceban", "Rusu", "Lungu", "Munteanu", "Popa", "Cojocaru", "Moraru",
        "Ursu", "Rotaru", "Sârbu", "Ivanov", "Smirnov", "Popov", "Kuznetsov", "Sokolov", "Novák", "Svoboda",
        "Novotný", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Nowak", "Kowalski", "Wiśniewski",
        "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Shevchenko", "Kovalenko",
        "Bondarenko", "Tkachenko", "Kravchenko", "Oliinyk", "Nurlanov", "Akhmetov", "Seitkali", "Zhunusov",
        "Abenov", "Balan", "Ciobanu", "Grosu", "Istrati", "Matei", "Stratan", "Vieru" };

    @LocalServerPort
    int port;

    private final List<String> log = new ArrayList<>();

    @Test
    void searchOverAMillionClients() throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Api big = Api.adminOfNewTenant(port);
        assertThat(big.get("/api/cc/settings").status()).isEqualTo(200);
        long started = System.nanoTime();
        generate(big.tenant(), CLIENTS, 0);
        for (int i = 1; i <= OTHERS; i++) {
            Api other = Api.adminOfNewTenant(port);
            assertThat(other.get("/api/cc/settings").status()).isEqualTo(200);
            generate(other.tenant(), OTHER_CLIENTS, i);
        }
        try (Connection db = EmbeddedDatabase.shared().superuserConnection(); Statement s = db.createStatement()) {
            s.execute("vacuum analyze cc.client");
            s.execute("vacuum analyze cc.client_phone");
            s.execute("vacuum analyze cc.client_email");
            s.execute("vacuum analyze cc.client_word");
            s.execute("vacuum analyze cc.client_phone_digits");
        }
        note(String.format(Locale.ROOT, "generated %,d + %d × %,d clients in %d s", CLIENTS, OTHERS, OTHER_CLIENTS,
                (System.nanoTime() - started) / 1_000_000_000L));
        if (HOLD_SECONDS > 0) {
            // for looking at plans on the generated data with psql before the searches run
            System.out.printf("holding the database for %d s: tenant %s%n", HOLD_SECONDS, big.tenant());
            Thread.sleep(HOLD_SECONDS * 1000L);
        }

        List<Query> queries = queries(big.tenant(), QUERIES + 100);
        // warm up: JIT, caches
        for (Query query : queries.subList(0, 100)) {
            search(big, query);
        }
        Map<String, List<Double>> linea = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        for (Query query : queries.subList(100, queries.size())) {
            double ms = search(big, query);
            linea.computeIfAbsent(query.kind(), k -> new ArrayList<>()).add(ms);
            all.add(ms);
        }
        List<Double> naive = new ArrayList<>();
        Map<String, List<Double>> naiveByKind = new LinkedHashMap<>();
        try (Connection db = EmbeddedDatabase.shared().superuserConnection()) {
            for (Query query : queries.subList(100, 100 + BASELINE_QUERIES)) {
                double ms = naive(db, big.tenant(), query);
                naive.add(ms);
                naiveByKind.computeIfAbsent(query.kind(), k -> new ArrayList<>()).add(ms);
            }
        }
        write(loadBefore, linea, all, naiveByKind, naive);
    }

    // --- data ---------------------------------------------------------------------------------------------

    /** {@code count} clients of {@code tenant}, in chunks so no statement holds millions of rows at once. */
    private void generate(UUID tenant, int count, int seed) throws SQLException {
        int chunk = 200_000;
        try (Connection db = EmbeddedDatabase.shared().superuserConnection()) {
            db.setAutoCommit(false);
            for (int from = 0; from < count; from += chunk) {
                int to = Math.min(count, from + chunk);
                try (Statement s = db.createStatement()) {
                    s.execute("drop table if exists bench_gen");
                    s.execute(String.format(Locale.ROOT, """
                            create temp table bench_gen on commit drop as
                            select gen_random_uuid() as id, fn, ln,
                                   case when g %% 9 = 0 then ln || ' SRL' end as org,
                                   'EXT-%d-' || g as ext,
                                   '+3736' || lpad(((g::bigint * 7919 + %d) %% 10000000)::text, 7, '0') as phone,
                                   lower(cc.crm_unaccent(fn)) || '.' || lower(cc.crm_unaccent(ln)) || g || '@example.md' as email
                            from generate_series(%d, %d) g,
                                 lateral (select (array[%s])[1 + (hashint4(g + %d) & 2147483647) %% %d] as fn,
                                                 (array[%s])[1 + (hashint4(g * 31 + %d) & 2147483647) %% %d] as ln) names
                            """, seed, seed * 104729, from + 1, to, sqlArray(FIRST), seed, FIRST.length,
                            sqlArray(LAST), seed, LAST.length));
                    s.execute(String.format(Locale.ROOT, """
                            insert into cc.client (id, tenant_id, first_name, last_name, organisation, external_id,
                                                   language, search_text, created_at, updated_at)
                            select id, '%s', fn, ln, org, ext, 'ro',
                                   concat_ws(' ', fn, ln, org, ext, phone || ' ' || substr(phone, 2),
                                             email || ' ' || translate(split_part(email, '@', 1), '._-+', '    ')
                                             || ' ' || split_part(email, '@', 2)),
                                   now(), now()
                            from bench_gen
                            """, tenant));
                    s.execute(String.format(Locale.ROOT, """
                            insert into cc.client_phone (id, tenant_id, client_id, number, label, position)
                            select gen_random_uuid(), '%s', id, phone, 'mobile', 0 from bench_gen
                            """, tenant));
                    s.execute(String.format(Locale.ROOT, """
                            insert into cc.client_email (id, tenant_id, client_id, address, label, position)
                            select gen_random_uuid(), '%s', id, email, null, 0 from bench_gen
                            """, tenant));
                }
                db.commit();
            }
        }
    }

    private static String sqlArray(String[] values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            out.append(out.isEmpty() ? "" : ",").append('\'').append(value.replace("'", "''")).append('\'');
        }
        return out.toString();
    }

    // --- queries ------------------------------------------------------------------------------------------

    private record Query(String kind, String text) {
    }

    /** What agents type, drawn from real rows of the tenant: names, a prefix, digits, an address, an id. */
    private List<Query> queries(UUID tenant, int count) throws SQLException {
        List<Query> queries = new ArrayList<>();
        Random random = new Random(42);
        try (Connection db = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement sample = db.prepareStatement("""
                        select c.first_name, c.last_name, c.external_id, p.number, e.address
                        from cc.client c tablesample system (?)
                        join cc.client_phone p on p.client_id = c.id
                        join cc.client_email e on e.client_id = c.id
                        where c.tenant_id = ? order by random() limit ?
                        """)) {
            // enough pages for the count, a few times over
            sample.setDouble(1, Math.min(100, Math.max(1, 300.0 * count / CLIENTS)));
            sample.setObject(2, tenant);
            sample.setInt(3, count);
            try (ResultSet rows = sample.executeQuery()) {
                while (rows.next() && queries.size() < count) {
                    String first = rows.getString(1);
                    String last = rows.getString(2);
                    String number = rows.getString(4);
                    queries.add(switch (random.nextInt(6)) {
                        case 0 -> new Query("full name", last + " " + first);
                        case 1 -> new Query("surname", last);
                        case 2 -> new Query("surname prefix (3 letters)", last.substring(0, 3));
                        case 3 -> new Query("6 phone digits", number.substring(6, 12));
                        case 4 -> new Query("e-mail address", rows.getString(5));
                        default -> new Query("external id", rows.getString(3));
                    });
                }
            }
        }
        assertThat(queries).as("sampled queries").hasSize(count);
        return queries;
    }

    private static double search(Api api, Query query) {
        long start = System.nanoTime();
        Api.Response response = api.get("/api/cc/clients?size=20&q=" + URLEncoder.encode(query.text(),
                StandardCharsets.UTF_8));
        double ms = (System.nanoTime() - start) / 1e6;
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("total").asLong()).as("%s finds its client", query).isPositive();
        return ms;
    }

    /** The plain way: every word matched with ILIKE anywhere in the tenant's names, numbers and addresses. */
    private static double naive(Connection db, UUID tenant, Query query) throws SQLException {
        StringBuilder where = new StringBuilder("c.tenant_id = ?");
        List<String> words = List.of(query.text().strip().split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            where.append(" and concat_ws(' ', c.first_name, c.last_name, c.organisation, c.external_id, p.number, "
                    + "e.address) ilike ?");
        }
        String sql = "select count(*) over (), c.id from cc.client c join cc.client_phone p on p.client_id = c.id "
                + "join cc.client_email e on e.client_id = c.id where " + where
                + " order by c.last_name, c.first_name, c.id limit 20";
        long start = System.nanoTime();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, tenant);
            for (int i = 0; i < words.size(); i++) {
                statement.setString(i + 2, "%" + words.get(i) + "%");
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("%s finds its client", query).isTrue();
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    // --- report -------------------------------------------------------------------------------------------

    private static double percentile(List<Double> values, double q) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }

    private void write(double loadBefore, Map<String, List<Double>> linea, List<Double> all,
            Map<String, List<Double>> naiveByKind, List<Double> naive) throws IOException, SQLException {
        StringBuilder out = new StringBuilder();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(
                ZoneOffset.UTC));
        out.append("\n## Run of ").append(when).append("\n\n");
        out.append(String.format(Locale.ROOT, "Command: `%s`. %d cores, load average %.1f before the run, PostgreSQL "
                + "shared_buffers %s; %,d clients "
                + "in the searched tenant, %d other tenants of %,d; %d timed searches through the HTTP API (after 100 "
                + "to warm up), %d baseline searches in SQL.%n%n", COMMAND, Runtime.getRuntime().availableProcessors(),
                loadBefore, EmbeddedDatabase.shared().setting("shared_buffers"), CLIENTS, OTHERS, OTHER_CLIENTS, all.size(), naive.size()));
        double p95 = percentile(all, 0.95);
        double naiveP95 = percentile(naive, 0.95);
        out.append(String.format(Locale.ROOT, "All searches: Linea p50 %.1f ms, **p95 %.1f ms** (target ≤ %.0f ms: %s), "
                + "p99 %.1f ms; plain ILIKE p50 %.1f ms, p95 %.1f ms; ratio at p95 %.3f×.%n%n",
                percentile(all, 0.5), p95, P95_TARGET_MS, p95 <= P95_TARGET_MS ? "met" : "not met",
                percentile(all, 0.99), percentile(naive, 0.5), naiveP95, p95 / naiveP95));
        out.append("| query | searches | Linea p50 ms | p95 ms | max ms | plain ILIKE p50 ms | p95 ms |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<Double>> kind : linea.entrySet()) {
            List<Double> values = kind.getValue();
            List<Double> plain = naiveByKind.getOrDefault(kind.getKey(), List.of());
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s | %s |%n", kind.getKey(),
                    values.size(), percentile(values, 0.5), percentile(values, 0.95), percentile(values, 1.0),
                    plain.isEmpty() ? "–" : String.format(Locale.ROOT, "%.1f", percentile(plain, 0.5)),
                    plain.isEmpty() ? "–" : String.format(Locale.ROOT, "%.1f", percentile(plain, 0.95))));
        }
        out.append("\n<details><summary>Log</summary>\n\n```\n");
        log.forEach(line -> out.append(line).append('\n'));
        out.append("```\n</details>\n");
        System.out.println(out);
        Files.createDirectories(OUTPUT.toAbsolutePath().getParent());
        Files.writeString(OUTPUT, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Files.writeString(Path.of("target", "crm-search-latest.md"), out.toString(), StandardCharsets.UTF_8);
    }

    private void note(String line) {
        String stamped = Instant.now() + " " + line;
        log.add(stamped);
        System.out.println(stamped);
    }

    private static int intSetting(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }
}
