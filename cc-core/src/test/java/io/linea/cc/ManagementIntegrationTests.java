package io.linea.cc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.platform.testing.LineaIntegrationTest;

/** The cc-core API as a tenant admin uses it (TEN-04, ADM-02, I18N-01). */
@LineaIntegrationTest
class ManagementIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void settingsAreCreatedFromTheMembershipOnFirstReadAndCanBeChanged() {
        Api a = Api.adminOfNewTenant(port);
        JsonNode first = a.get("/api/cc/settings").json();
        assertThat(first.path("displayName").asString()).isEqualTo("Tenant " + a.tenant().toString().substring(0, 8));
        assertThat(first.path("timeZone").asString()).isEqualTo("UTC");
        assertThat(first.path("defaultLanguage").asString()).isEqualTo("en");
        assertThat(first.path("enabledLanguages")).extracting(JsonNode::asString)
                .containsExactly("en", "ro", "ru", "cs", "pl", "uk", "kk");
        Api.Response changed = a.put("/api/cc/settings", Map.of("displayName", "Acme", "timeZone", "Europe/Warsaw",
                "defaultLanguage", "pl", "enabledLanguages", List.of("pl", "en", "pl")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode again = a.get("/api/cc/settings").json();
        assertThat(again.path("displayName").asString()).isEqualTo("Acme");
        assertThat(again.path("enabledLanguages")).extracting(JsonNode::asString).containsExactly("pl", "en");
    }

    @Test
    void calendarRoundTripAndStatus() {
        Api a = Api.adminOfNewTenant(port);
        Api.Response created = a.post("/api/cc/calendars", Fixtures.calendar("Office"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode calendar = created.json();
        assertThat(calendar.path("weeklyHours").get(0).path("opens").asString()).isEqualTo("08:00");
        assertThat(calendar.path("holidays").get(0).path("date").asString()).isEqualTo("2026-12-25");
        String status = "/api/cc/calendars/" + created.id() + "/status?at=";
        // Monday 2026-11-23 09:00 in Chisinau (UTC+2)
        assertThat(a.get(status + "2026-11-23T07:00:00Z").json().path("reason").asString()).isEqualTo("WORKING_HOURS");
        assertThat(a.get(status + "2026-11-23T10:30:00Z").json().path("open").asBoolean()).isFalse();
        JsonNode christmas = a.get(status + "2026-12-25T08:00:00Z").json();
        assertThat(christmas.path("reason").asString()).isEqualTo("HOLIDAY");
        assertThat(christmas.path("holidayName").asString()).isEqualTo("Christmas");
        assertThat(a.get(status + "yesterday").code()).isEqualTo("request.invalid-parameter");
    }

    @Test
    void calendarReplaceKeepsAHolidayDateAndBumpsTheVersion() {
        Api a = Api.adminOfNewTenant(port);
        Api.Response created = a.post("/api/cc/calendars", Fixtures.calendar("Office"));
        UUID id = created.id();
        assertThat(created.json().path("version").asLong()).isZero();
        assertThat(a.get("/api/cc/calendars/" + id).json().path("version").asLong()).isZero();
        Map<String, Object> replace = Map.of("name", "Office", "timeZone", "Europe/Chisinau", "version", 0,
                "weeklyHours", List.of(Map.of("day", "FRIDAY", "opens", "10:00", "closes", "11:00")),
                "holidays", List.of(Map.of("date", "2026-12-25", "name", "Crăciun")));
        Api.Response replaced = a.put("/api/cc/calendars/" + id, replace);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("version").asLong()).isEqualTo(1);
        assertThat(replaced.json().path("weeklyHours")).hasSize(1);
        assertThat(replaced.json().path("holidays").get(0).path("name").asString()).isEqualTo("Crăciun");
    }

    @Test
    void staleVersionIsAConflict() {
        Api a = Api.adminOfNewTenant(port);
        UUID queue = a.post("/api/cc/queues", Fixtures.queue("Support")).id();
        Map<String, Object> change = Map.of("name", "Support", "serviceLevelSeconds", 30, "version", 0);
        assertThat(a.put("/api/cc/queues/" + queue, change).json().path("version").asLong()).isEqualTo(1);
        Api.Response stale = a.put("/api/cc/queues/" + queue, change);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("resource.stale");
        assertThat(a.get("/api/cc/queues/" + queue).json().path("serviceLevelSeconds").asInt()).isEqualTo(30);

        UUID calendar = a.post("/api/cc/calendars", Fixtures.calendar("Office")).id();
        assertThat(a.put("/api/cc/calendars/" + calendar, Fixtures.calendar("Office", 0)).status()).isEqualTo(200);
        Api.Response staleCalendar = a.put("/api/cc/calendars/" + calendar, Fixtures.calendar("Office 2", 0));
        assertThat(staleCalendar.status()).isEqualTo(409);
        assertThat(staleCalendar.code()).isEqualTo("resource.stale");
    }

    @Test
    void calendarInUseCannotBeDeletedAndAnotherTenantsCalendarIsNotFound() {
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        UUID calendar = a.post("/api/cc/calendars", Fixtures.calendar("Office")).id();
        UUID queue = a.post("/api/cc/queues", Map.of("name", "Billing", "serviceLevelSeconds", 20,
                "calendarId", calendar.toString())).id();
        Api.Response inUse = a.delete("/api/cc/calendars/" + calendar);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.code()).isEqualTo("calendar.in-use");

        Api.Response foreign = b.post("/api/cc/queues", Map.of("name", "Steal", "serviceLevelSeconds", 20,
                "calendarId", calendar.toString()));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("resource.not-found");

        assertThat(a.delete("/api/cc/queues/" + queue).status()).isEqualTo(204);
        assertThat(a.delete("/api/cc/calendars/" + calendar).status()).isEqualTo(204);
        assertThat(a.get("/api/cc/calendars/" + calendar).status()).isEqualTo(404);
    }

    @Test
    void listsArePaged() {
        Api a = Api.adminOfNewTenant(port);
        for (String name : List.of("C", "A", "B")) {
            a.post("/api/cc/queues", Fixtures.queue(name));
        }
        JsonNode page = a.get("/api/cc/queues?page=1&size=2").json();
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("size").asInt()).isEqualTo(2);
        assertThat(page.path("items")).extracting(q -> q.path("name").asString()).containsExactly("C");
        assertThat(a.get("/api/cc/queues?size=100000").status()).isEqualTo(400);
    }

    @Test
    void healthIsPublic() {
        Api.Response health = new Api(port, null, null, null).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }
}
