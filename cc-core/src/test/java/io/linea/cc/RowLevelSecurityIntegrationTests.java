package io.linea.cc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.linea.platform.testing.EmbeddedDatabase;
import io.linea.platform.testing.LineaIntegrationTest;

/**
 * TEN-01: the database itself keeps tenants apart. Connects as the application role with plain
 * JDBC, bypassing every line of application code, and checks each table of schema {@code cc} that
 * has a {@code tenant_id} column, discovered from the catalogue so new tables are covered.
 */
@LineaIntegrationTest
class RowLevelSecurityIntegrationTests {

    @LocalServerPort
    int port;

    private Api a;
    private Api b;

    @BeforeEach
    void twoTenantsWithDataInEveryTable() throws SQLException {
        a = Api.adminOfNewTenant(port);
        b = Api.adminOfNewTenant(port);
        for (Api tenant : List.of(a, b)) {
            assertThat(tenant.get("/api/cc/settings").status()).isEqualTo(200);
            UUID calendar = tenant.post("/api/cc/calendars", Fixtures.calendar("Office")).id();
            Api.Response queue = tenant.post("/api/cc/queues",
                    java.util.Map.of("name", "Sales", "serviceLevelSeconds", 20, "calendarId", calendar.toString()));
            assertThat(queue.status()).as(queue.toString()).isEqualTo(201);
            Fixtures.assignedNumber(tenant);
            Api.Response agent = tenant.post("/api/cc/agents", Fixtures.agent("Agent"));
            assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
            assertThat(tenant.post("/api/cc/agents/" + agent.id() + "/credentials", null).status()).isEqualTo(201);
            UUID interaction = Fixtures.interaction(tenant);
            // routing (ACD-03, ACD-05): a skill, a member with a level, a break reason; queue_overflow comes with the queue
            UUID skill = tenant.post("/api/cc/skills", java.util.Map.of("name", "Romanian")).id();
            assertThat(tenant.put("/api/cc/queues/" + queue.id() + "/members", java.util.Map.of("members", List.of(
                    java.util.Map.of("agentId", agent.id().toString(), "skills",
                            List.of(java.util.Map.of("skillId", skill.toString(), "level", 4)))))).status())
                    .isEqualTo(200);
            assertThat(tenant.post("/api/cc/break-reasons", java.util.Map.of("name", "Lunch")).status()).isEqualTo(201);
            // the work list and a voicemail (IVR-09), and a waiting interaction as recovery stores it
            callbacks.voicemailRecorded(tenant.tenant(), UUID.randomUUID(), "+447700900001", queue.id(),
                    java.time.Instant.now(), "RIFF".getBytes(), 500);
            routingTask(tenant.tenant(), queue.id());
            // the client card (CRM-01 … CRM-04, AGT-05, AGT-12): a field, the settings, a client with a note
            assertThat(tenant.post("/api/cc/client-fields", java.util.Map.of("key", "region", "label", "Region",
                    "type", "TEXT")).status()).isEqualTo(201);
            assertThat(tenant.put("/api/cc/crm-settings", java.util.Map.of("linkTemplate",
                    "https://crm.example/clients/{externalId}", "version", 0)).status()).isEqualTo(200);
            Api.Response client = tenant.post("/api/cc/clients", java.util.Map.of("lastName", "Client",
                    "phones", List.of(java.util.Map.of("number", "+447700900001")),
                    "emails", List.of(java.util.Map.of("address", "client@example.com")),
                    "custom", java.util.Map.of("region", "North")));
            assertThat(client.status()).as(client.toString()).isEqualTo(201);
            assertThat(tenant.post("/api/cc/clients/" + client.id() + "/notes", java.util.Map.of("text", "Called"))
                    .status()).isEqualTo(201);
            // help desk (HD-01, HD-02): settings with a rule due at once, a ticket from a call, a comment, the rule fired
            java.util.Map<String, Integer> targets = java.util.Map.of("firstResponseMinutes", 60, "resolutionMinutes", 240);
            Api.Response settings = tenant.put("/api/cc/ticket-settings", java.util.Map.of(
                    "policies", java.util.Map.of("LOW", targets, "NORMAL", targets, "HIGH", targets, "URGENT", targets),
                    "escalation", List.of(java.util.Map.of("name", "At once", "of", "RESOLUTION", "point", "BEFORE_DUE",
                            "businessMinutes", 525600, "raisePriorityTo", "URGENT")),
                    "handoff", java.util.Map.of("url", "http://127.0.0.1:9/records", "headerName", "X-Key",
                            "headerValue", "secret"),
                    "version", 0));
            assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
            Api.Response ticket = tenant.post("/api/cc/tickets", java.util.Map.of("subject", "Receipt missing",
                    "interactionIds", List.of(Fixtures.interaction(tenant).toString())));
            assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
            assertThat(tenant.post("/api/cc/tickets/" + ticket.id() + "/comments", java.util.Map.of("text", "On it"))
                    .status()).isEqualTo(201);
            // HD-01: an attachment of the ticket
            assertThat(tenant.upload("/api/cc/tickets/" + ticket.id() + "/attachments", "receipt.txt", "text/plain",
                    "Receipt 42".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Map.of()).status())
                    .isEqualTo(201);
            // the knowledge base (HD-03, RPT-07): a category, an article with its first revision, a use
            UUID category = tenant.post("/api/cc/kb/categories", java.util.Map.of("name", "Billing")).id();
            Api.Response article = tenant.post("/api/cc/kb/articles", java.util.Map.of("title", "How to pay",
                    "body", "By card.", "language", "en", "categoryId", category.toString()));
            assertThat(article.status()).as(article.toString()).isEqualTo(201);
            assertThat(tenant.post("/api/cc/kb/articles/" + article.id() + "/uses",
                    java.util.Map.of("interactionId", interaction.toString())).status()).isEqualTo(200);
            // intake forms and categories (CRM-02, CRM-06, AGT-05): a form filled for the call about the client,
            // the answer's first version, a category set on the call with its audit
            UUID form = tenant.post("/api/cc/forms", java.util.Map.of("name", "Intake", "fields", List.of(
                    java.util.Map.of("key", "topic", "label", "Topic", "type", "TEXT")))).id();
            Api.Response answer = tenant.post("/api/cc/interactions/" + interaction + "/forms", java.util.Map.of(
                    "formId", form.toString(), "clientId", client.id().toString(),
                    "values", java.util.Map.of("topic", "Billing")));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            UUID disposition = tenant.post("/api/cc/categories", java.util.Map.of("name", "Sales")).id();
            assertThat(tenant.put("/api/cc/interactions/" + interaction + "/categories", java.util.Map.of(
                    "categoryIds", List.of(disposition.toString()))).status()).isEqualTo(200);
            // CRM-05: an import with a rejected row, a saved mapping, an API credential with its audit event
            ImportUploads.smallImport(tenant);
            assertThat(tenant.post("/api/cc/client-import-mappings", java.util.Map.of("name", "Weekly",
                    "mapping", java.util.Map.of("columns", java.util.Map.of("A", "externalId")))).status())
                    .isEqualTo(201);
            assertThat(tenant.post("/api/cc/api-credentials", java.util.Map.of("name", "CRM sync",
                    "scopes", List.of("clients.write"))).status()).isEqualTo(201);
        }
        escalations.run(java.time.Instant.now().plusSeconds(1));
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.linea.cc.ticket.EscalationJob escalations;

    @org.springframework.beans.factory.annotation.Autowired
    io.linea.cc.callback.CallbackManagement callbacks;

    private static void routingTask(UUID tenant, UUID queue) throws SQLException {
        try (Connection app = appConnection()) {
            app.setAutoCommit(false);
            setTenant(app, tenant);
            try (PreparedStatement insert = app.prepareStatement("""
                    insert into cc.routing_task (interaction_id, tenant_id, queue_id, medium, priority, enqueued_at)
                    values (?, ?, ?, 'VOICE', 0, now())""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, tenant);
                insert.setObject(3, queue);
                insert.executeUpdate();
            }
            app.commit();
        }
    }

    @Test
    void appRoleSeesExactlyTheRowsOfTheTenantInScope() throws SQLException {
        List<String> tables = tenantTables();
        assertThat(tables).contains("tenant_settings", "calendar", "calendar_hours", "calendar_holiday", "queue",
                "tenant_number", "agent", "interaction", "interaction_event", "queue_overflow", "skill", "queue_member",
                "queue_member_skill", "break_reason", "routing_task", "callback", "voicemail", "client", "client_phone",
                "client_email", "client_field", "crm_settings", "client_note", "client_note_version", "ticket_settings",
                "ticket_escalation_rule", "ticket_counter", "ticket", "ticket_interaction", "ticket_comment",
                "ticket_event", "ticket_escalation", "kb_category", "kb_article", "kb_article_version", "kb_article_use",
                "intake_form", "intake_form_version", "form_answer", "form_answer_version", "category",
                "interaction_category", "interaction_category_change", "client_import",
                "client_import_rejection", "client_import_mapping", "api_credential", "api_credential_event",
                "ticket_attachment", "client_word", "client_phone_digits");
        try (Connection app = appConnection()) {
            app.setAutoCommit(false);
            setTenant(app, a.tenant());
            for (String table : tables) {
                long ofA = superuserCount(table, a.tenant());
                assertThat(ofA).as("test data of A in %s", table).isPositive();
                assertThat(superuserCount(table, b.tenant())).as("test data of B in %s", table).isPositive();
                assertThat(count(app, "select count(*) from cc." + table)).as("rows visible in %s", table)
                        .isEqualTo(ofA);
                assertThat(count(app, "select count(*) from cc." + table + " where tenant_id <> '" + a.tenant() + "'"))
                        .as("foreign rows visible in %s", table).isZero();
            }
            app.rollback();
        }
    }

    @Test
    void everyTenantTableHasForcedRowLevelSecurityWithAPolicy() throws SQLException {
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection()) {
            for (String table : tenantTables()) {
                assertThat(count(admin, "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                        + "where n.nspname = 'cc' and c.relname = '" + table + "' and c.relrowsecurity and c.relforcerowsecurity"))
                        .as("enable + force row level security on %s", table).isEqualTo(1);
                assertThat(count(admin, "select count(*) from pg_policies where schemaname = 'cc' and tablename = '"
                        + table + "' and qual like '%app.tenant_id%' and with_check like '%app.tenant_id%'"))
                        .as("tenant policy on %s", table).isEqualTo(1);
            }
            assertThat(count(admin, "select count(*) from pg_roles where rolname = 'linea_app' and (rolbypassrls or rolsuper)"))
                    .isZero();
        }
    }

    @Test
    void withoutTenantTheAppRoleSeesNothing() throws SQLException {
        try (Connection app = appConnection()) {
            app.setAutoCommit(false);
            for (String table : tenantTables()) {
                assertThat(count(app, "select count(*) from cc." + table)).as(table).isZero();
            }
            app.rollback();
            setTenant(app, null);
            for (String table : tenantTables()) {
                assertThat(count(app, "select count(*) from cc." + table)).as(table).isZero();
            }
            app.rollback();
        }
    }

    @Test
    void rowsForAnotherTenantCannotBeWrittenWhileATenantIsInScope() throws SQLException {
        try (Connection app = appConnection()) {
            app.setAutoCommit(false);
            for (String table : tenantTables()) {
                setTenant(app, a.tenant());
                assertThatThrownBy(() -> insertCopyFor(app, table, b.tenant())).as("insert into %s", table)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
                app.rollback();
                setTenant(app, a.tenant());
                assertThatThrownBy(() -> execute(app,
                        "update cc." + table + " set tenant_id = '" + b.tenant() + "'"))
                        .as("moving rows of %s to another tenant", table).isInstanceOf(SQLException.class);
                app.rollback();
            }
        }
        for (String table : tenantTables()) {
            assertThat(superuserCount(table, a.tenant())).as(table).isPositive();
        }
    }

    /** Copies one visible row of {@code table}, re-labelled with another tenant and fresh ids. */
    private static void insertCopyFor(Connection app, String table, UUID otherTenant) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        try (Statement statement = app.createStatement();
                ResultSet row = statement.executeQuery("select * from cc." + table + " limit 1")) {
            assertThat(row.next()).as("a visible row in %s", table).isTrue();
            ResultSetMetaData meta = row.getMetaData();
            List<String> generated = generatedColumns(table);
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnName(i);
                if (generated.contains(column)) {
                    continue; // PostgreSQL computes it (CRM-03: a client's search tsvector)
                }
                columns.add(column);
                values.add(switch (column) {
                    case "tenant_id" -> otherTenant;
                    case "id" -> UUID.randomUUID();
                    default -> row.getObject(i);
                });
            }
        }
        String sql = "insert into cc." + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement insert = app.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                insert.setObject(i + 1, values.get(i));
            }
            insert.executeUpdate();
        }
    }

    private static List<String> generatedColumns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection();
                PreparedStatement statement = admin.prepareStatement("""
                        select column_name from information_schema.columns
                        where table_schema = 'cc' and table_name = ? and is_generated = 'ALWAYS'""")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    static List<String> tenantTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection();
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select c.table_name from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = 'cc' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
                        order by c.table_name""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    static long superuserCount(String table, UUID tenant) throws SQLException {
        try (Connection admin = EmbeddedDatabase.shared().superuserConnection()) {
            return count(admin, "select count(*) from cc." + table + " where tenant_id = '" + tenant + "'");
        }
    }

    private static Connection appConnection() throws SQLException {
        return DriverManager.getConnection(EmbeddedDatabase.shared().jdbcUrl(), EmbeddedDatabase.APP,
                EmbeddedDatabase.APP);
    }

    private static void setTenant(Connection connection, UUID tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            statement.setString(1, tenant == null ? "" : tenant.toString());
            statement.execute();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
