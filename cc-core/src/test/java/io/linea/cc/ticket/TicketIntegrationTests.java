package io.linea.cc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.cc.calendar.BusinessClock;
import io.linea.platform.testing.LineaIntegrationTest;

/**
 * HD-01, HD-02: tickets over real HTTP against the embedded PostgreSQL, with the service's clock under the
 * test's control (no sleeps), local HTTP servers as webhook and records-system receivers and GreenMail as the
 * SMTP server of escalation e-mails. The escalation schedule is off here: the tests drive the job themselves.
 */
@LineaIntegrationTest
@Import(TicketIntegrationTests.ClockConfiguration.class)
@TestPropertySource(properties = { "linea.tickets.escalation-period=0", "linea.tickets.retry-backoff=20ms",
        "linea.tickets.http-timeout=3s" })
class TicketIntegrationTests {

    private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");

    /** The service's clock, set by each test. */
    static final class MutableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-08-28T14:00:00Z");

        /** Microseconds, as PostgreSQL keeps them. */
        void set(Instant instant) {
            now = instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfiguration {

        @Bean
        MutableClock ticketTestClock() {
            return new MutableClock();
        }
    }

    /** A real SMTP server on a free port, for the whole class: the service is configured with its port once. */
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("linea.tickets.ticket-link", () -> "https://help.example/tickets/{number}");
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    EscalationJob job;

    private final List<HttpServer> servers = new ArrayList<>();

    @BeforeEach
    void realTime() {
        clock.set(Instant.now());
    }

    @AfterEach
    void stopReceivers() {
        servers.forEach(server -> server.stop(0));
    }

    /** SLA targets for all four priorities: NORMAL as given, the others fixed. */
    static Map<String, Object> policies(int normalFirstResponse, int normalResolution) {
        return Map.of("LOW", targets(480, 4800), "NORMAL", targets(normalFirstResponse, normalResolution),
                "HIGH", targets(30, 480), "URGENT", targets(15, 120));
    }

    private static Map<String, Object> targets(int firstResponse, int resolution) {
        return Map.of("firstResponseMinutes", firstResponse, "resolutionMinutes", resolution);
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(CHISINAU).toInstant();
    }

    private static Instant instant(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : Instant.parse(node.asString());
    }

    /** Mon–Fri 09:00–18:00 in Chisinau; Monday 2026-08-31 is a holiday. */
    private static UUID officeCalendar(Api api) {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.add(Map.of("day", day, "opens", "09:00", "closes", "18:00"));
        }
        Api.Response calendar = api.post("/api/cc/calendars", Map.of("name", "Help desk", "timeZone",
                "Europe/Chisinau", "weeklyHours", hours,
                "holidays", List.of(Map.of("date", "2026-08-31", "name", "Limba noastră"))));
        assertThat(calendar.status()).as(calendar.toString()).isEqualTo(201);
        return calendar.id();
    }

    private static Api.Response settings(Api api, Map<String, Object> body) {
        Map<String, Object> full = new HashMap<>(Map.of("policies", policies(120, 600), "version",
                api.get("/api/cc/ticket-settings").json().path("version").asLong()));
        full.putAll(body);
        return api.put("/api/cc/ticket-settings", full);
    }

    private static Api.Response ticket(Api api, Map<String, Object> body) {
        Map<String, Object> full = new HashMap<>(Map.of("subject", "Receipt not printed"));
        full.putAll(body);
        return api.post("/api/cc/tickets", full);
    }

    /** The ticket as a full replace body, with some fields changed. */
    private static Map<String, Object> replace(Api api, UUID id, Map<String, Object> changes) {
        JsonNode ticket = api.get("/api/cc/tickets/" + id).json();
        Map<String, Object> body = new HashMap<>();
        body.put("subject", ticket.path("subject").asString());
        body.put("status", ticket.path("status").asString());
        body.put("priority", ticket.path("priority").asString());
        body.put("version", ticket.path("version").asLong());
        body.putAll(changes);
        return body;
    }

    private static List<String> eventTypes(Api api, UUID id) {
        List<String> types = new ArrayList<>();
        api.get("/api/cc/tickets/" + id + "/events").json().forEach(e -> types.add(e.path("type").asString()));
        return types;
    }

    /** A local HTTP receiver: records each request body and answers with the status the call number picks. */
    private record Receiver(String url, List<String> bodies, List<Map<String, List<String>>> headers) {
    }

    private Receiver receiver(IntUnaryOperator statusOfCall, String answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            headers.add(new HashMap<>(exchange.getRequestHeaders()));
            int status = statusOfCall.applyAsInt(calls.incrementAndGet());
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        servers.add(server);
        return new Receiver("http://127.0.0.1:" + server.getAddress().getPort() + "/hook", bodies, headers);
    }

    // --- SLA in business time ------------------------------------------------------------------------------

    @Test
    void timerStartedFridayEveningComesDueOnTuesdayAfterTheMondayHolidayAndAPauseShiftsIt() {
        Api api = Api.adminOfNewTenant(port);
        UUID calendar = officeCalendar(api);
        assertThat(settings(api, Map.of("calendarId", calendar.toString())).status()).isEqualTo(200);

        // Friday 2026-08-28 17:00 in Chisinau: one business hour that day, none on the weekend or the holiday
        clock.set(local("2026-08-28T17:00"));
        Api.Response created = ticket(api, Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = created.id();
        JsonNode sla = created.json().path("sla");
        assertThat(instant(sla.path("firstResponseDue"))).isEqualTo(Instant.parse("2026-09-01T07:00:00Z"))
                .isEqualTo(local("2026-09-01T10:00"));
        Instant resolutionDue = instant(sla.path("resolutionDue"));
        assertThat(resolutionDue).isEqualTo(local("2026-09-01T18:00"));

        // pending from Tuesday 10:00 to Wednesday 11:30: 8 h on Tuesday and 2.5 h on Wednesday stand still
        clock.set(local("2026-09-01T10:00"));
        Api.Response pending = api.put("/api/cc/tickets/" + id, replace(api, id, Map.of("status", "PENDING")));
        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        assertThat(instant(pending.json().path("sla").path("pausedSince"))).isEqualTo(local("2026-09-01T10:00"));
        clock.set(local("2026-09-02T11:30"));
        Api.Response resumed = api.put("/api/cc/tickets/" + id, replace(api, id, Map.of("status", "OPEN")));
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);

        JsonNode after = resumed.json().path("sla");
        Instant shifted = instant(after.path("resolutionDue"));
        long pausedMinutes = 8 * 60 + 150;
        BusinessClock office = BusinessClock.of(new io.linea.cc.calendar.CalendarSchedule(CHISINAU,
                List.of(hours("MONDAY"), hours("TUESDAY"), hours("WEDNESDAY"), hours("THURSDAY"), hours("FRIDAY")),
                List.of(new io.linea.cc.calendar.Holiday(java.time.LocalDate.of(2026, 8, 31), "Limba noastră"))));
        assertThat(office.minutesBetween(resolutionDue, shifted)).isEqualTo(pausedMinutes);
        assertThat(shifted).isEqualTo(local("2026-09-03T10:30"));
        assertThat(after.path("pausedSince").isNull()).isTrue();
        // the first-response timer does not pause: it is still Tuesday 10:00, and breached by now
        assertThat(instant(after.path("firstResponseDue"))).isEqualTo(local("2026-09-01T10:00"));
        assertThat(after.path("firstResponseBreached").asBoolean()).isTrue();
        assertThat(after.path("resolutionBreached").asBoolean()).isFalse();

        // a higher priority brings both due times forward (HIGH: 30 and 480 business minutes)
        Api.Response high = api.put("/api/cc/tickets/" + id, replace(api, id, Map.of("priority", "HIGH")));
        assertThat(instant(high.json().path("sla").path("firstResponseDue"))).isEqualTo(local("2026-08-28T17:30"));
        assertThat(instant(high.json().path("sla").path("resolutionDue")))
                .isEqualTo(office.addMinutes(local("2026-08-28T17:00"), 480 + pausedMinutes));
        assertThat(eventTypes(api, id)).containsSubsequence("CREATED", "STATUS_CHANGED", "STATUS_CHANGED",
                "PRIORITY_CHANGED");
    }

    private static io.linea.cc.calendar.WeeklyHours hours(String day) {
        return new io.linea.cc.calendar.WeeklyHours(java.time.DayOfWeek.valueOf(day), java.time.LocalTime.of(9, 0),
                java.time.LocalTime.of(18, 0));
    }

    @Test
    void withoutCalendarTheTimersRunAroundTheClock() {
        Api api = Api.adminOfNewTenant(port);
        clock.set(Instant.parse("2026-08-29T10:00:00Z"));
        JsonNode sla = ticket(api, Map.of("priority", "URGENT")).json().path("sla");
        // defaults of a tenant that never configured anything: URGENT 30 and 240 minutes
        assertThat(instant(sla.path("firstResponseDue"))).isEqualTo(Instant.parse("2026-08-29T10:30:00Z"));
        assertThat(instant(sla.path("resolutionDue"))).isEqualTo(Instant.parse("2026-08-29T14:00:00Z"));
    }

    // --- life cycle, comments, history ---------------------------------------------------------------------

    @Test
    void lifeCycleFromNewToClosedWithCommentsAndHistory() {
        Api api = Api.adminOfNewTenant(port);
        Api other = Api.adminOfNewTenant(port);
        Api.Response first = ticket(api, Map.of("description", "Printer silent", "group", "Second line"));
        Api.Response second = ticket(api, Map.of());
        assertThat(first.json().path("number").asLong()).isEqualTo(1001);
        assertThat(second.json().path("number").asLong()).isEqualTo(1002);
        assertThat(ticket(other, Map.of()).json().path("number").asLong()).as("numbers are per tenant").isEqualTo(1001);
        UUID id = first.id();
        assertThat(first.json().path("status").asString()).isEqualTo("NEW");

        Api.Response note = api.post("/api/cc/tickets/" + id + "/comments", Map.of("text", "Check the cable",
                "internal", true));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        JsonNode afterNote = api.get("/api/cc/tickets/" + id).json();
        assertThat(afterNote.path("firstResponseAt").isNull()).as("an internal note is no response").isTrue();
        assertThat(afterNote.path("status").asString()).isEqualTo("NEW");

        clock.set(Instant.now().plusSeconds(60));
        assertThat(api.post("/api/cc/tickets/" + id + "/comments", Map.of("text", "We are on it")).status())
                .isEqualTo(201);
        JsonNode answered = api.get("/api/cc/tickets/" + id).json();
        assertThat(instant(answered.path("firstResponseAt"))).isEqualTo(clock.instant());
        assertThat(answered.path("status").asString()).isEqualTo("OPEN");
        clock.set(Instant.now().plusSeconds(120));
        api.post("/api/cc/tickets/" + id + "/comments", Map.of("text", "Any news?"));
        assertThat(instant(api.get("/api/cc/tickets/" + id).json().path("firstResponseAt")))
                .as("only the first public comment counts").isEqualTo(instant(answered.path("firstResponseAt")));
        JsonNode comments = api.get("/api/cc/tickets/" + id + "/comments").json();
        assertThat(comments).hasSize(3);
        assertThat(comments.get(0).path("internal").asBoolean()).isTrue();
        assertThat(comments.get(1).path("text").asString()).isEqualTo("We are on it");

        Api.Response resolved = api.put("/api/cc/tickets/" + id, replace(api, id, Map.of("status", "RESOLVED")));
        assertThat(instant(resolved.json().path("resolvedAt"))).isEqualTo(clock.instant());
        long staleVersion = resolved.json().path("version").asLong() - 1;
        Api.Response stale = api.put("/api/cc/tickets/" + id, replace(api, id, Map.of("status", "CLOSED",
                "version", staleVersion)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("resource.stale");
        assertThat(api.put("/api/cc/tickets/" + id, replace(api, id, Map.of("status", "CLOSED"))).status())
                .isEqualTo(200);

        Api.Response reopen = api.put("/api/cc/tickets/" + id, replace(api, id, Map.of("status", "OPEN")));
        assertThat(reopen.status()).isEqualTo(409);
        assertThat(reopen.code()).isEqualTo("ticket.transition-invalid");
        assertThat(reopen.json().path("detail").asString()).contains("CLOSED", "OPEN");
        Api.Response closedComment = api.post("/api/cc/tickets/" + id + "/comments", Map.of("text", "Late"));
        assertThat(closedComment.code()).isEqualTo("ticket.closed");

        JsonNode events = api.get("/api/cc/tickets/" + id + "/events").json();
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.path("detail").isNull() ? e.path("type").asString()
                : e.path("type").asString() + " " + e.path("detail").asString()));
        assertThat(types).containsSubsequence("CREATED #1001 NORMAL", "COMMENTED internal", "COMMENTED public",
                "FIRST_RESPONSE", "STATUS_CHANGED NEW → OPEN", "STATUS_CHANGED OPEN → RESOLVED",
                "STATUS_CHANGED RESOLVED → CLOSED");
        assertThat(events.get(0).path("actorId").asString()).isNotBlank();
        assertThat(events.get(0).path("at").asString()).isNotBlank();
    }

    @Test
    void listFiltersAndSearchesOnlyTheTenantsTickets() {
        Api api = Api.adminOfNewTenant(port);
        Api other = Api.adminOfNewTenant(port);
        UUID client = UUID.randomUUID();
        UUID agent = api.post("/api/cc/agents", Fixtures.agent("Ana")).id();
        UUID urgent = ticket(api, Map.of("subject", "Cash register blocked", "priority", "URGENT",
                "clientId", client.toString(), "assigneeId", agent.toString(), "group", "Fiscal")).id();
        UUID normal = ticket(api, Map.of("subject", "Invoice copy")).id();
        UUID foreign = ticket(other, Map.of("subject", "Cash register blocked", "priority", "URGENT",
                "clientId", client.toString())).id();

        assertThat(ids(api, "")).contains(urgent, normal).doesNotContain(foreign);
        assertThat(ids(api, "?priority=URGENT")).containsExactly(urgent);
        assertThat(ids(api, "?clientId=" + client)).containsExactly(urgent);
        assertThat(ids(api, "?assignee=" + agent)).containsExactly(urgent);
        assertThat(ids(api, "?group=Fiscal")).containsExactly(urgent);
        assertThat(ids(api, "?q=register")).containsExactly(urgent);
        assertThat(ids(api, "?q=%231002")).containsExactly(normal);
        assertThat(ids(api, "?status=NEW&sort=number,asc")).containsExactly(urgent, normal);
        assertThat(ids(api, "?status=CLOSED")).isEmpty();
        assertThat(api.get("/api/cc/tickets?size=1").json().path("total").asLong()).isEqualTo(2);
    }

    private static List<UUID> ids(Api api, String query) {
        Api.Response list = api.get("/api/cc/tickets" + query);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<UUID> ids = new ArrayList<>();
        list.json().path("items").forEach(t -> ids.add(UUID.fromString(t.path("id").asString())));
        return ids;
    }

    @Test
    void aTicketFromACallLinksOnlyTheTenantsOwnInteractions() {
        Api api = Api.adminOfNewTenant(port);
        Api other = Api.adminOfNewTenant(port);
        UUID call = Fixtures.interaction(api);
        Api.Response created = ticket(api, Map.of("interactionIds", List.of(call.toString())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("interactionIds").get(0).asString()).isEqualTo(call.toString());
        assertThat(eventTypes(api, created.id()).getFirst()).isEqualTo("CREATED");

        Api.Response stolen = ticket(other, Map.of("interactionIds", List.of(call.toString())));
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.json().path("errors").get(0).path("code").asString()).isEqualTo("ticket.interaction-missing");
        UUID mine = ticket(other, Map.of()).id();
        Api.Response linked = other.put("/api/cc/tickets/" + mine, replace(other, mine,
                Map.of("interactionIds", List.of(call.toString()))));
        assertThat(linked.status()).isEqualTo(400);
        assertThat(other.get("/api/cc/tickets/" + mine).json().path("interactionIds")).isEmpty();
    }

    // --- bad input -----------------------------------------------------------------------------------------

    @Test
    void badInputIsAProblemWithAStableCodeInTheCallersLanguage() {
        Api api = Api.adminOfNewTenant(port);
        UUID id = ticket(api, Map.of()).id();

        Api.Response unknownStatus = api.put("/api/cc/tickets/" + id, replace(api, id, Map.of("status", "DONE")));
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.code()).isEqualTo("request.invalid-enum");
        assertThat(api.get("/api/cc/tickets?status=DONE").code()).isEqualTo("request.invalid-parameter");

        Api.Response past = api.put("/api/cc/tickets/" + id, replace(api, id,
                Map.of("resolutionDue", clock.instant().minusSeconds(3600).toString())));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().path("errors").get(0).path("code").asString()).isEqualTo("ticket.due-in-past");
        Instant agreed = clock.instant().plus(Duration.ofDays(3));
        Api.Response future = api.put("/api/cc/tickets/" + id, replace(api, id,
                Map.of("resolutionDue", agreed.toString())));
        assertThat(instant(future.json().path("sla").path("resolutionDue"))).isEqualTo(agreed);
        // the agreed date is shown, and a replace that sends it back keeps it, even once it has passed
        assertThat(instant(future.json().path("agreedResolutionDue"))).isEqualTo(agreed);
        Instant today = clock.instant();
        clock.set(today.plus(Duration.ofDays(4)));
        Api.Response kept = api.put("/api/cc/tickets/" + id, replace(api, id, Map.of("subject", "Renamed",
                "resolutionDue", agreed.toString())));
        clock.set(today);
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(instant(kept.json().path("agreedResolutionDue"))).isEqualTo(agreed);

        Api.Response badUrl = settings(api, Map.of("escalation", List.of(Map.of("name", "Tell them", "of",
                "RESOLUTION", "point", "AFTER_DUE", "businessMinutes", 0, "webhookUrl", "ftp://example.org/x"))));
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.json().path("errors").get(0).path("code").asString()).isEqualTo("ticket.url-invalid");
        Api.Response romanian = api.inLanguage("ro").put("/api/cc/ticket-settings",
                Map.of("policies", policies(1, 2), "handoff", Map.of("url", "not a url"), "version", 0));
        assertThat(romanian.json().path("errors").get(0).path("code").asString()).isEqualTo("ticket.url-invalid");
        assertThat(romanian.json().path("errors").get(0).path("message").asString()).contains("adresă");

        Api.Response noAction = settings(api, Map.of("escalation", List.of(Map.of("name", "Nothing", "of",
                "RESOLUTION", "point", "AFTER_DUE", "businessMinutes", 0))));
        assertThat(noAction.json().path("errors").get(0).path("code").asString()).isEqualTo("ticket.rule-no-action");
        Api.Response missing = api.put("/api/cc/ticket-settings", Map.of("policies",
                Map.of("LOW", targets(1, 2)), "version", 0));
        assertThat(missing.json().path("errors").get(0).path("code").asString()).isEqualTo("ticket.policy-missing");
        Api.Response unknownRule = settings(api, Map.of("escalation", List.of(Map.of("id", UUID.randomUUID().toString(),
                "name", "Mine", "of", "RESOLUTION", "point", "AFTER_DUE", "businessMinutes", 0,
                "raisePriorityTo", "HIGH"))));
        assertThat(unknownRule.json().path("errors").get(0).path("code").asString()).isEqualTo("ticket.rule-unknown");
        Api.Response autoOnNew = settings(api, Map.of("handoff", Map.of("url", "https://records.example/api",
                "onStatus", "NEW")));
        assertThat(autoOnNew.json().path("errors").get(0).path("code").asString())
                .isEqualTo("ticket.handoff-status-invalid");
        Api.Response staleSettings = api.put("/api/cc/ticket-settings", Map.of("policies", policies(1, 2),
                "version", 7));
        assertThat(staleSettings.code()).isEqualTo("resource.stale");

        assertThat(api.get("/api/cc/tickets?sort=secret").json().path("errors").get(0).path("code").asString())
                .isEqualTo("ticket.sort-invalid");
        Api.Response noAgent = ticket(api, Map.of("assigneeId", UUID.randomUUID().toString()));
        assertThat(noAgent.status()).isEqualTo(409);
        assertThat(noAgent.code()).isEqualTo("ticket.assignee-missing");
        Api.Response noHandoff = api.post("/api/cc/tickets/" + id + "/handoff", null);
        assertThat(noHandoff.status()).isEqualTo(409);
        assertThat(noHandoff.code()).isEqualTo("ticket.handoff-not-configured");
        Api.Response unknownCalendar = settings(api, Map.of("calendarId", UUID.randomUUID().toString()));
        assertThat(unknownCalendar.json().path("errors").get(0).path("code").asString())
                .isEqualTo("ticket.calendar-missing");
        assertThat(api.get("/api/cc/tickets/" + UUID.randomUUID()).code()).isEqualTo("resource.not-found");
    }

    @Test
    void aCalendarInUseByTheHelpDeskCannotBeDeleted() {
        Api api = Api.adminOfNewTenant(port);
        UUID calendar = officeCalendar(api);
        assertThat(settings(api, Map.of("calendarId", calendar.toString())).status()).isEqualTo(200);
        Api.Response delete = api.delete("/api/cc/calendars/" + calendar);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.code()).isEqualTo("calendar.in-use");
    }

    // --- escalation ----------------------------------------------------------------------------------------

    @Test
    void escalationFiresOncePerTicketWhateverHowOftenAndFromHowManyThreadsTheJobRuns() throws Exception {
        Api api = Api.adminOfNewTenant(port);
        Receiver webhook = receiver(call -> 200, "{}");
        assertThat(settings(api, Map.of("escalation", List.of(Map.of("name", "No answer in 30", "of",
                "FIRST_RESPONSE", "point", "AFTER_START", "businessMinutes", 30, "raisePriorityTo", "HIGH",
                "webhookUrl", webhook.url())))).status()).isEqualTo(200);
        Instant start = Instant.parse("2026-09-07T08:00:00Z");
        clock.set(start);
        UUID id = ticket(api, Map.of()).id();

        job.run(start.plus(Duration.ofMinutes(29)));
        assertThat(webhook.bodies()).as("not due yet").isEmpty();
        assertThat(api.get("/api/cc/tickets/" + id).json().path("priority").asString()).isEqualTo("NORMAL");

        Instant late = start.plus(Duration.ofMinutes(31));
        clock.set(late);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            runs.add(instances.submit(() -> {
                go.await();
                for (int round = 0; round < 3; round++) {
                    job.run(late.plusSeconds(round));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        instances.shutdown();
        job.run(late.plus(Duration.ofHours(5)));

        assertThat(webhook.bodies()).hasSize(1);
        JsonNode sent = Api.JSON.readTree(webhook.bodies().getFirst());
        assertThat(sent.path("event").asString()).isEqualTo("ticket.escalated");
        assertThat(sent.path("ticket").path("id").asString()).isEqualTo(id.toString());
        assertThat(sent.path("ticket").path("priority").asString()).isEqualTo("HIGH");
        assertThat(sent.path("rule").path("name").asString()).isEqualTo("No answer in 30");

        JsonNode ticket = api.get("/api/cc/tickets/" + id).json();
        assertThat(ticket.path("priority").asString()).isEqualTo("HIGH");
        assertThat(ticket.path("escalations")).hasSize(1);
        JsonNode escalation = ticket.path("escalations").get(0);
        assertThat(escalation.path("raisedPriorityTo").asString()).isEqualTo("HIGH");
        assertThat(escalation.path("webhook").path("status").asString()).isEqualTo("SENT");
        assertThat(escalation.path("webhook").path("attempts").asInt()).isEqualTo(1);
        List<String> types = eventTypes(api, id);
        assertThat(types.stream().filter("ESCALATED"::equals)).hasSize(1);
        assertThat(types.stream().filter("WEBHOOK_SENT"::equals)).hasSize(1);
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoffAndItsOutcomeRecorded() throws Exception {
        Api api = Api.adminOfNewTenant(port);
        Receiver flaky = receiver(call -> call < 3 ? 503 : 200, "{}");
        Receiver broken = receiver(call -> 500, "{}");
        assertThat(settings(api, Map.of("escalation", List.of(
                Map.of("name", "Due soon", "of", "RESOLUTION", "point", "BEFORE_DUE", "businessMinutes", 60,
                        "webhookUrl", flaky.url()),
                Map.of("name", "Overdue", "of", "RESOLUTION", "point", "AFTER_DUE", "businessMinutes", 0,
                        "webhookUrl", broken.url())))).status()).isEqualTo(200);
        Instant start = Instant.parse("2026-09-08T08:00:00Z");
        clock.set(start);
        UUID id = ticket(api, Map.of()).id();

        // NORMAL resolution is 600 minutes around the clock: "Due soon" at 540, "Overdue" at 600
        job.run(start.plus(Duration.ofMinutes(545)));
        assertThat(flaky.bodies()).hasSize(3);
        assertThat(broken.bodies()).isEmpty();
        job.run(start.plus(Duration.ofMinutes(601)));
        assertThat(broken.bodies()).hasSize(3);

        JsonNode escalations = api.get("/api/cc/tickets/" + id).json().path("escalations");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        escalations.forEach(e -> byName.put(e.path("ruleName").asString(), e.path("webhook")));
        assertThat(byName.get("Due soon").path("status").asString()).isEqualTo("SENT");
        assertThat(byName.get("Due soon").path("attempts").asInt()).isEqualTo(3);
        assertThat(byName.get("Overdue").path("status").asString()).isEqualTo("FAILED");
        assertThat(byName.get("Overdue").path("attempts").asInt()).isEqualTo(3);
        assertThat(byName.get("Overdue").path("lastError").asString()).isEqualTo("HTTP 500");
        assertThat(eventTypes(api, id)).contains("WEBHOOK_SENT", "WEBHOOK_FAILED");
    }

    @Test
    void aPendingTicketDoesNotEscalateOnItsResolutionTimer() {
        Api api = Api.adminOfNewTenant(port);
        assertThat(settings(api, Map.of("escalation", List.of(Map.of("name", "Overdue", "of", "RESOLUTION",
                "point", "AFTER_DUE", "businessMinutes", 0, "raisePriorityTo", "URGENT")))).status())
                .isEqualTo(200);
        Instant start = Instant.parse("2026-09-09T08:00:00Z");
        clock.set(start);
        UUID id = ticket(api, Map.of()).id();
        clock.set(start.plus(Duration.ofMinutes(100)));
        api.put("/api/cc/tickets/" + id, replace(api, id, Map.of("status", "PENDING")));

        job.run(start.plus(Duration.ofMinutes(700)));
        assertThat(api.get("/api/cc/tickets/" + id).json().path("priority").asString()).isEqualTo("NORMAL");

        // back after 200 minutes: due at 600 + 200, so not at 700 but at 800
        clock.set(start.plus(Duration.ofMinutes(300)));
        JsonNode resumed = api.put("/api/cc/tickets/" + id, replace(api, id, Map.of("status", "OPEN"))).json();
        assertThat(instant(resumed.path("sla").path("resolutionDue"))).isEqualTo(start.plus(Duration.ofMinutes(800)));
        job.run(start.plus(Duration.ofMinutes(799)));
        assertThat(api.get("/api/cc/tickets/" + id).json().path("priority").asString()).isEqualTo("NORMAL");
        job.run(start.plus(Duration.ofMinutes(800)));
        assertThat(api.get("/api/cc/tickets/" + id).json().path("priority").asString()).isEqualTo("URGENT");
    }

    // --- hand-off ------------------------------------------------------------------------------------------

    @Test
    void handOffSendsTheTicketWithTheSecretHeaderAndKeepsTheReference() throws Exception {
        Api api = Api.adminOfNewTenant(port);
        Receiver records = receiver(call -> 201, "{\"id\":\"REC-42\"}");
        Api.Response configured = settings(api, Map.of("handoff", Map.of("url", records.url(), "headerName",
                "X-Api-Key", "headerValue", "s3cret-value", "onStatus", "RESOLVED")));
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        assertThat(configured.raw()).doesNotContain("s3cret-value");
        assertThat(configured.json().path("handoff").path("headerValueSet").asBoolean()).isTrue();
        UUID id = ticket(api, Map.of()).id();
        api.post("/api/cc/tickets/" + id + "/comments", Map.of("text", "Forwarded to records"));

        Api.Response sent = api.post("/api/cc/tickets/" + id + "/handoff", null);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        JsonNode handoff = sent.json().path("handoff");
        assertThat(handoff.path("status").asString()).isEqualTo("SENT");
        assertThat(handoff.path("attempts").asInt()).isEqualTo(1);
        assertThat(handoff.path("externalReference").asString()).isEqualTo("REC-42");
        assertThat(records.headers().getFirst().get("X-api-key")).containsExactly("s3cret-value");
        JsonNode body = Api.JSON.readTree(records.bodies().getFirst());
        assertThat(body.path("ticket").path("id").asString()).isEqualTo(id.toString());
        assertThat(body.path("comments").get(0).path("text").asString()).isEqualTo("Forwarded to records");

        // a settings change without the secret keeps it
        assertThat(settings(api, Map.of("handoff", Map.of("url", records.url(), "headerName", "X-Api-Key",
                "onStatus", "RESOLVED"))).status()).isEqualTo(200);
        Api.Response resolved = api.put("/api/cc/tickets/" + id, replace(api, id, Map.of("status", "RESOLVED")));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(records.bodies()).as("handed off again on RESOLVED").hasSize(2);
        assertThat(records.headers().get(1).get("X-api-key")).containsExactly("s3cret-value");
        assertThat(resolved.json().path("handoff").path("attempts").asInt()).isEqualTo(2);
        assertThat(eventTypes(api, id).stream().filter("HANDOFF_SENT"::equals)).hasSize(2);
    }

    @Test
    void aHandOffThatKeepsFailingIsMarkedFailedAfterThreeAttempts() throws Exception {
        Api api = Api.adminOfNewTenant(port);
        Receiver down = receiver(call -> 502, "bad gateway");
        assertThat(settings(api, Map.of("handoff", Map.of("url", down.url()))).status()).isEqualTo(200);
        UUID id = ticket(api, Map.of()).id();
        JsonNode handoff = api.post("/api/cc/tickets/" + id + "/handoff", null).json().path("handoff");
        assertThat(handoff.path("status").asString()).isEqualTo("FAILED");
        assertThat(handoff.path("attempts").asInt()).isEqualTo(3);
        assertThat(handoff.path("lastError").asString()).isEqualTo("HTTP 502");
        assertThat(down.bodies()).hasSize(3);
        assertThat(eventTypes(api, id)).contains("HANDOFF_FAILED");
    }

    // --- e-mail escalation ----------------------------------------------------------------------------------

    @Test
    void anEscalationEmailIsSentExactlyOnceWhateverHowOftenTheJobRuns() throws Exception {
        Api api = Api.adminOfNewTenant(port);
        String address = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Api.Response configured = settings(api, Map.of("escalation", List.of(Map.of("name", "No answer in 30", "of",
                "FIRST_RESPONSE", "point", "AFTER_START", "businessMinutes", 30, "raisePriorityTo", "HIGH",
                "notifyEmails", List.of(" " + address.replace("example.com", "Example.COM") + " ")))));
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        assertThat(configured.json().path("escalation").get(0).path("notifyEmails").get(0).asString())
                .isEqualTo(address);
        Instant start = Instant.parse("2026-09-10T08:00:00Z");
        clock.set(start);
        JsonNode created = ticket(api, Map.of("subject", "Fiscal printer offline")).json();
        UUID id = UUID.fromString(created.path("id").asString());
        long number = created.path("number").asLong();

        job.run(start.plus(Duration.ofMinutes(29)));
        assertThat(MAIL.getReceivedMessagesForDomain(address)).as("not due yet").isEmpty();

        Instant late = start.plus(Duration.ofMinutes(31));
        clock.set(late);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            runs.add(instances.submit(() -> {
                for (int round = 0; round < 3; round++) {
                    job.run(late.plusSeconds(round));
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        instances.shutdown();
        job.run(late.plus(Duration.ofHours(5)));

        MimeMessage[] received = MAIL.getReceivedMessagesForDomain(address);
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).contains("#" + number).contains("No answer in 30");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(address);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("help-desk@linea.invalid");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("https://help.example/tickets/" + number).containsPattern("Priority: +High")
                .contains("Fiscal printer offline").contains("First response due:").contains("Resolution due:");

        JsonNode escalation = api.get("/api/cc/tickets/" + id).json().path("escalations").get(0);
        assertThat(escalation.path("email").path("status").asString()).isEqualTo("SENT");
        assertThat(escalation.path("email").path("attempts").asInt()).isEqualTo(1);
        assertThat(escalation.path("email").path("to").get(0).asString()).isEqualTo(address);
        assertThat(escalation.path("webhook").isNull()).isTrue();
        List<String> types = eventTypes(api, id);
        assertThat(types.stream().filter("ESCALATED"::equals)).hasSize(1);
        assertThat(types.stream().filter("EMAIL_SENT"::equals)).hasSize(1);
    }

    @Test
    void anEscalationEmailIsInTheTenantsLanguageAndTimeZone() throws Exception {
        Api api = Api.adminOfNewTenant(port);
        assertThat(api.put("/api/cc/settings", Map.of("displayName", "Casa", "timeZone", "Europe/Chisinau",
                "defaultLanguage", "ro", "enabledLanguages", List.of("ro", "en"))).status()).isEqualTo(200);
        String address = "ro-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(settings(api, Map.of("escalation", List.of(Map.of("name", "Fără răspuns", "of", "FIRST_RESPONSE",
                "point", "AFTER_START", "businessMinutes", 30, "raisePriorityTo", "URGENT", "notifyEmails",
                List.of(address))))).status()).isEqualTo(200);
        Instant start = Instant.parse("2026-09-10T08:00:00Z");
        clock.set(start);
        JsonNode created = ticket(api, Map.of("subject", "Imprimanta fiscală nu răspunde")).json();
        long number = created.path("number").asLong();
        Instant late = start.plus(Duration.ofMinutes(31));
        clock.set(late);
        job.run(late);

        MimeMessage[] received = MAIL.getReceivedMessagesForDomain(address);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Tichetul #" + number + " a fost escaladat: Fără răspuns");
        // the due time in Chisinau's summer time (UTC+3), the labels and values in Romanian
        String due = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(Instant.parse(
                created.path("sla").path("firstResponseDue").asString()).atZone(java.time.ZoneId.of("Europe/Chisinau")));
        assertThat(mimeText(received[0])).contains("Regula de escaladare „Fără răspuns” s-a declanșat pentru tichetul #"
                + number).containsPattern("Prioritate: +Urgentă").containsPattern("Stare: +Nou")
                .contains("Termen primul răspuns").contains(due + " (Europe/Chisinau)").doesNotContain("Priority");
    }

    private static String mimeText(MimeMessage message) throws Exception {
        return String.valueOf(message.getContent());
    }

    @Test
    void anEmailAloneIsAnActionAndBadAddressesAreRefused() {
        Api api = Api.adminOfNewTenant(port);
        Api.Response mailOnly = settings(api, Map.of("escalation", List.of(Map.of("name", "Tell the lead", "of",
                "RESOLUTION", "point", "AFTER_DUE", "businessMinutes", 0, "notifyEmails",
                List.of("lead@example.com", "lead@example.com")))));
        assertThat(mailOnly.status()).as(mailOnly.toString()).isEqualTo(200);
        assertThat(mailOnly.json().path("escalation").get(0).path("notifyEmails")).hasSize(1);
        for (String bad : List.of("not-an-address", "Lead <lead@example.com>", "lead@localhost", "a@b@example.com",
                "lead@exa mple.com")) {
            Api.Response refused = settings(api, Map.of("escalation", List.of(Map.of("name", "Bad", "of",
                    "RESOLUTION", "point", "AFTER_DUE", "businessMinutes", 0, "notifyEmails",
                    List.of("ok@example.com", bad)))));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            JsonNode error = refused.json().path("errors").get(0);
            assertThat(error.path("code").asString()).as(bad).isEqualTo("ticket.email-invalid");
            assertThat(error.path("field").asString()).isEqualTo("escalation[0].notifyEmails[1]");
        }
        Api.Response polish = api.inLanguage("pl").put("/api/cc/ticket-settings", Map.of("policies", policies(1, 2),
                "escalation", List.of(Map.of("name", "Bad", "of", "RESOLUTION", "point", "AFTER_DUE",
                        "businessMinutes", 0, "notifyEmails", List.of("nope"))),
                "version", api.get("/api/cc/ticket-settings").json().path("version").asLong()));
        assertThat(polish.json().path("errors").get(0).path("message").asString()).contains("e-mail");
    }

    // --- full-text search (CRM-03) ---------------------------------------------------------------------------

    @Test
    void searchFindsWordsOfSubjectDescriptionAndCommentsWhateverTheAccentsAndCaseAndByNumber() {
        Api api = Api.adminOfNewTenant(port);
        Api other = Api.adminOfNewTenant(port);
        JsonNode kiosk = ticket(api, Map.of("subject", "Casa de marcat blocată la Bălți",
                "description", "Clientul nu poate emite bonuri fiscale.")).json();
        UUID kioskId = UUID.fromString(kiosk.path("id").asString());
        UUID invoice = ticket(api, Map.of("subject", "Invoice copy", "description", "Needs a duplicate")).id();
        api.post("/api/cc/tickets/" + invoice + "/comments", Map.of("text", "Sent the Übersetzung by courier",
                "internal", true));
        UUID foreign = ticket(other, Map.of("subject", "Casa de marcat blocată la Bălți")).id();

        assertThat(ids(api, "?q=BALTI")).containsExactly(kioskId);
        assertThat(ids(api, "?q=blocata%20casa")).as("every word, in any order").containsExactly(kioskId);
        assertThat(ids(api, "?q=fiscal")).as("a prefix of a description word").containsExactly(kioskId);
        assertThat(ids(api, "?q=ubersetzung")).as("a comment word").containsExactly(invoice);
        assertThat(ids(api, "?q=courier%20duplicate")).as("words of comment and description together")
                .containsExactly(invoice);
        assertThat(ids(api, "?q=%23" + kiosk.path("number").asLong())).containsExactly(kioskId);
        assertThat(ids(api, "?q=" + kiosk.path("number").asLong())).containsExactly(kioskId);
        assertThat(ids(api, "?q=balti&status=CLOSED")).isEmpty();
        assertThat(ids(api, "?q=nothing-like-this")).isEmpty();
        assertThat(ids(other, "?q=balti")).containsExactly(foreign);

        // the subject weighs more than a comment: both match "printer", the subject's comes first
        UUID commented = ticket(api, Map.of("subject", "Something else")).id();
        api.post("/api/cc/tickets/" + commented + "/comments", Map.of("text", "The printer was unplugged"));
        UUID titled = ticket(api, Map.of("subject", "Printer broken")).id();
        assertThat(ids(api, "?q=printer")).containsExactly(titled, commented);
        assertThat(ids(api, "?q=printer&sort=number,asc")).containsExactly(commented, titled);
    }
}
