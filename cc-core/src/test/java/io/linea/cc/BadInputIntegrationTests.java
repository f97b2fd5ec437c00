package io.linea.cc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.platform.testing.LineaIntegrationTest;

/**
 * Hostile and broken input gets a 4xx problem with a stable code and a localised detail (I18N-01),
 * and changes nothing.
 */
@LineaIntegrationTest
class BadInputIntegrationTests {

    @LocalServerPort
    int port;

    private Api a;

    @BeforeEach
    void tenant() {
        a = Api.adminOfNewTenant(port);
        a.post("/api/cc/queues", Fixtures.queue("Existing"));
    }

    private Api.Response unchanged(Supplier<Api.Response> call) throws SQLException {
        long before = rowsOfTenant();
        Api.Response response = call.get();
        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(response.json().path("detail").asString()).as(response.toString()).isNotBlank();
        assertThat(rowsOfTenant()).as("rows after %s", response).isEqualTo(before);
        return response;
    }

    private long rowsOfTenant() throws SQLException {
        long total = 0;
        for (String table : RowLevelSecurityIntegrationTests.tenantTables()) {
            total += RowLevelSecurityIntegrationTests.superuserCount(table, a.tenant());
        }
        return total;
    }

    @Test
    void malformedJson() throws SQLException {
        Api.Response response = unchanged(() -> a.post("/api/cc/queues", "{\"name\": \"Broken\","));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request.malformed-json");
    }

    @Test
    void unknownField() throws SQLException {
        Map<String, Object> body = new LinkedHashMap<>(Fixtures.queue("Unknown"));
        body.put("tenantId", "d0000000-0000-4000-8000-000000000001");
        Api.Response response = unchanged(() -> a.post("/api/cc/queues", body));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request.unknown-field");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("tenantId");
    }

    @Test
    void invalidEnumDay() throws SQLException {
        Map<String, Object> body = Map.of("name", "Fun", "timeZone", "UTC",
                "weeklyHours", List.of(Map.of("day", "FUNDAY", "opens", "08:00", "closes", "12:00")));
        Api.Response response = unchanged(() -> a.post("/api/cc/calendars", body));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("request.invalid-enum");
        assertThat(response.json().path("detail").asString()).contains("MONDAY");
    }

    @Test
    void invalidTimeZoneInCalendarAndSettings() throws SQLException {
        Map<String, Object> calendar = Map.of("name", "Mars", "timeZone", "Mars/Olympus_Mons", "weeklyHours", List.of());
        Api.Response response = unchanged(() -> a.post("/api/cc/calendars", calendar));
        assertThat(response.code()).isEqualTo("validation.failed");
        assertThat(response.json().path("errors").get(0).path("code").asString()).isEqualTo("time-zone.invalid");
        Map<String, Object> settings = Map.of("displayName", "X", "timeZone", "Nowhere/City",
                "defaultLanguage", "en", "enabledLanguages", List.of("en"));
        Api.Response settingsResponse = unchanged(() -> a.put("/api/cc/settings", settings));
        assertThat(settingsResponse.json().path("errors").get(0).path("field").asString()).isEqualTo("timeZone");
    }

    @Test
    void serviceLevelOutOfRange() throws SQLException {
        for (int seconds : new int[] { 0, 100000 }) {
            Map<String, Object> body = Map.of("name", "SL " + seconds, "serviceLevelSeconds", seconds);
            Api.Response response = unchanged(() -> a.post("/api/cc/queues", body));
            assertThat(response.status()).isEqualTo(400);
            JsonNode error = response.json().path("errors").get(0);
            assertThat(error.path("field").asString()).isEqualTo("serviceLevelSeconds");
            assertThat(error.path("code").asString()).isEqualTo(seconds == 0 ? "validation.min" : "validation.max");
        }
    }

    @Test
    void nameOf300CharactersWithRomanianDetail() throws SQLException {
        Map<String, Object> body = Map.of("name", "x".repeat(300), "serviceLevelSeconds", 20);
        Api.Response response = unchanged(() -> a.inLanguage("ro").post("/api/cc/queues", body));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation.failed");
        assertThat(response.json().path("detail").asString()).isEqualTo("Unele câmpuri nu sunt valide.");
        assertThat(response.json().path("errors").get(0).path("code").asString()).isEqualTo("validation.size");
    }

    @Test
    void bodyOverOneMebibyte() throws SQLException {
        String huge = "{\"name\": \"Big\", \"serviceLevelSeconds\": 20, \"description\": \"" + "a".repeat(1_100_000) + "\"}";
        Api.Response response = unchanged(() -> a.post("/api/cc/queues", huge));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("request.too-large");
    }

    @Test
    void invalidLanguagesInSettings() throws SQLException {
        Map<String, Object> unsupported = Map.of("displayName", "X", "timeZone", "UTC", "defaultLanguage", "en",
                "enabledLanguages", List.of("en", "de"));
        assertThat(unchanged(() -> a.put("/api/cc/settings", unsupported)).json().path("errors").get(0)
                .path("code").asString()).isEqualTo("language.unsupported");
        Map<String, Object> notEnabled = Map.of("displayName", "X", "timeZone", "UTC", "defaultLanguage", "ro",
                "enabledLanguages", List.of("en"));
        assertThat(unchanged(() -> a.put("/api/cc/settings", notEnabled)).json().path("errors").get(0)
                .path("code").asString()).isEqualTo("settings.default-language-not-enabled");
    }

    @Test
    void overlappingAndInvertedHours() throws SQLException {
        Map<String, Object> body = Map.of("name", "Bad hours", "timeZone", "UTC", "weeklyHours", List.of(
                Map.of("day", "MONDAY", "opens", "08:00", "closes", "12:00"),
                Map.of("day", "MONDAY", "opens", "11:00", "closes", "14:00"),
                Map.of("day", "TUESDAY", "opens", "18:00", "closes", "08:00")));
        Api.Response response = unchanged(() -> a.inLanguage("ro").post("/api/cc/calendars", body));
        assertThat(response.json().path("errors")).extracting(e -> e.path("code").asString())
                .containsExactly("calendar.hours-overlap", "calendar.hours-order");
        assertThat(response.json().path("errors").get(1).path("message").asString())
                .isEqualTo("Ora de deschidere trebuie să fie înaintea orei de închidere.");
    }

    @Test
    void sqlInjectionInANameIsStoredLiterally() {
        String evil = "x'); drop table cc.queue; --";
        Api.Response created = a.post("/api/cc/queues", Fixtures.queue(evil));
        assertThat(created.status()).isEqualTo(201);
        assertThat(a.get("/api/cc/queues/" + created.id()).json().path("name").asString()).isEqualTo(evil);
        Api.Response list = a.get("/api/cc/queues");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items")).extracting(q -> q.path("name").asString()).contains(evil, "Existing");
    }

    @Test
    void duplicateQueueNameIsAConflictOnlyWithinATenant() throws SQLException {
        Api.Response duplicate = unchanged(() -> a.inLanguage("ro").post("/api/cc/queues", Fixtures.queue("Existing")));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("queue.name-taken");
        assertThat(duplicate.json().path("detail").asString()).isEqualTo("Există deja o coadă cu acest nume.");
        Api other = Api.adminOfNewTenant(port);
        assertThat(other.post("/api/cc/queues", Fixtures.queue("Existing")).status()).isEqualTo(201);
    }
}
