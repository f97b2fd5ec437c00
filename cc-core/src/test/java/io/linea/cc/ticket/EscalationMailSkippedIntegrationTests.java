package io.linea.cc.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.platform.testing.LineaIntegrationTest;

/**
 * HD-01: without {@code spring.mail.host} there is no mail sender, and a rule's e-mail is recorded as SKIPPED,
 * not FAILED, while the rule's other actions still happen. Shares the plain integration-test context.
 */
@LineaIntegrationTest
class EscalationMailSkippedIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    EscalationJob job;

    @Test
    void withoutAMailServerTheEmailIsRecordedAsSkipped() {
        Api api = Api.adminOfNewTenant(port);
        Map<String, Object> targets = Map.of("firstResponseMinutes", 60, "resolutionMinutes", 240);
        Api.Response settings = api.put("/api/cc/ticket-settings", Map.of(
                "policies", Map.of("LOW", targets, "NORMAL", targets, "HIGH", targets, "URGENT", targets),
                "escalation", List.of(Map.of("name", "Tell the lead", "of", "FIRST_RESPONSE", "point", "AFTER_START",
                        "businessMinutes", 0, "raisePriorityTo", "HIGH", "notifyEmails", List.of("lead@example.com"))),
                "version", 0));
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        UUID id = api.post("/api/cc/tickets", Map.of("subject", "Nobody reads mail here")).id();

        job.run(Instant.now().plus(Duration.ofMinutes(1)));

        JsonNode ticket = api.get("/api/cc/tickets/" + id).json();
        assertThat(ticket.path("priority").asString()).isEqualTo("HIGH");
        JsonNode email = ticket.path("escalations").get(0).path("email");
        assertThat(email.path("status").asString()).isEqualTo("SKIPPED");
        assertThat(email.path("attempts").asInt()).isZero();
        assertThat(email.path("to").get(0).asString()).isEqualTo("lead@example.com");
        List<String> details = api.get("/api/cc/tickets/" + id + "/events").json().findValuesAsString("detail");
        assertThat(details).anyMatch(d -> d.contains("e-mail skipped"));
    }
}
