package io.linea.cc.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.platform.testing.LineaIntegrationTest;

/** Queues' routing rules, overflow actions, members with skill levels, skills and break reasons (ACD-02 … ACD-13). */
@LineaIntegrationTest
class RoutingConfigurationIntegrationTests {

    @LocalServerPort
    int port;

    private static Map<String, Object> action(String type, String key, Object value) {
        Map<String, Object> action = new HashMap<>();
        action.put("type", type);
        if (key != null) {
            action.put(key, value);
        }
        return action;
    }

    private static Map<String, Object> queueWith(String name, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Fixtures.queue(name));
        body.putAll(extra);
        return body;
    }

    @Test
    void aNewQueueGetsTheDefaultRulesAndVoicemailForEveryOverflow() {
        Api a = Api.adminOfNewTenant(port);
        JsonNode queue = a.post("/api/cc/queues", Fixtures.queue("Defaults")).json();
        assertThat(queue.path("strategy").asString()).isEqualTo("LONGEST_IDLE");
        assertThat(queue.path("wrapUpSeconds").asInt()).isEqualTo(30);
        assertThat(queue.path("ringTimeoutSeconds").asInt()).isEqualTo(20);
        assertThat(queue.path("maxWaitSeconds").isNull()).isTrue();
        assertThat(queue.path("selfLoginAllowed").asBoolean()).isTrue();
        for (String condition : List.of("closed", "timeout", "full", "noAgents")) {
            assertThat(queue.path("overflow").path(condition).path("type").asString()).as(condition)
                    .isEqualTo("VOICEMAIL");
        }
    }

    @Test
    void everyRoutingRuleRoundTripsAndOverflowTargetsAreKept() {
        Api a = Api.adminOfNewTenant(port);
        UUID backup = a.post("/api/cc/queues", Fixtures.queue("Backup")).id();
        UUID agent = a.post("/api/cc/agents", Fixtures.agent("Ana")).id();
        Map<String, Object> rules = new HashMap<>();
        rules.put("strategy", "MOST_SKILLED");
        rules.put("priority", 7);
        rules.put("wrapUpSeconds", 45);
        rules.put("ringTimeoutSeconds", 15);
        rules.put("maxWaitSeconds", 300);
        rules.put("maxLength", 25);
        rules.put("stickyDays", 14);
        rules.put("stickyWaitSeconds", 20);
        rules.put("skillFallbackSeconds", 60);
        rules.put("selfLoginAllowed", false);
        rules.put("announcePosition", false);
        rules.put("announceWait", true);
        rules.put("announceIntervalSeconds", 45);
        rules.put("callbackOffer", true);
        rules.put("callbackPreferredTime", true);
        rules.put("voicemailOption", true);
        rules.put("overflow", Map.of(
                "closed", Map.of("type", "ANNOUNCE_HANGUP", "message", "We are closed. Call us from 8 to 18."),
                "timeout", action("QUEUE", "queueId", backup.toString()),
                "full", action("NUMBER", "number", "+44 7700 900123"),
                "noAgents", action("AGENT", "agentId", agent.toString())));
        Api.Response created = a.post("/api/cc/queues", queueWith("Support", rules));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode read = a.get("/api/cc/queues/" + created.id()).json();
        assertThat(read.path("strategy").asString()).isEqualTo("MOST_SKILLED");
        assertThat(read.path("priority").asInt()).isEqualTo(7);
        assertThat(read.path("maxLength").asInt()).isEqualTo(25);
        assertThat(read.path("stickyDays").asInt()).isEqualTo(14);
        assertThat(read.path("skillFallbackSeconds").asInt()).isEqualTo(60);
        assertThat(read.path("selfLoginAllowed").asBoolean()).isFalse();
        assertThat(read.path("callbackPreferredTime").asBoolean()).isTrue();
        JsonNode overflow = read.path("overflow");
        assertThat(overflow.path("closed").path("message").asString()).startsWith("We are closed");
        assertThat(overflow.path("timeout").path("queueId").asString()).isEqualTo(backup.toString());
        // stored normalised (E.164), the way the carrier will be asked to dial it
        assertThat(overflow.path("full").path("number").asString()).isEqualTo("+447700900123");
        assertThat(overflow.path("noAgents").path("agentId").asString()).isEqualTo(agent.toString());

        // the overflow target cannot disappear under the queue that uses it
        Api.Response deleteBackup = a.delete("/api/cc/queues/" + backup);
        assertThat(deleteBackup.status()).isEqualTo(409);
        assertThat(deleteBackup.code()).isEqualTo("queue.in-use");
        assertThat(a.delete("/api/cc/agents/" + agent).code()).isEqualTo("agent.in-use");

        // a replace changes the rows in place: the same conditions with other actions
        Map<String, Object> replace = new HashMap<>(rules);
        replace.put("version", read.path("version").asLong());
        replace.put("overflow", Map.of("timeout", action("CALLBACK_OFFER", null, null)));
        Api.Response replaced = a.put("/api/cc/queues/" + created.id(), queueWith("Support", replace));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("overflow").path("timeout").path("type").asString()).isEqualTo("CALLBACK_OFFER");
        assertThat(replaced.json().path("overflow").path("closed").path("type").asString()).isEqualTo("VOICEMAIL");
        assertThat(a.delete("/api/cc/queues/" + backup).status()).isEqualTo(204);
    }

    @Test
    void overflowActionsWithoutTheirTargetOrPointingElsewhereAreRefusedPerField() {
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        UUID foreignQueue = b.post("/api/cc/queues", Fixtures.queue("Theirs")).id();
        UUID own = a.post("/api/cc/queues", Fixtures.queue("Own")).id();

        Api.Response noTarget = a.post("/api/cc/queues", queueWith("X", Map.of("overflow",
                Map.of("timeout", action("QUEUE", null, null)))));
        assertThat(noTarget.status()).isEqualTo(400);
        assertThat(noTarget.json().path("errors").get(0).path("field").asString()).isEqualTo("overflow.timeout.queueId");
        assertThat(noTarget.json().path("errors").get(0).path("code").asString())
                .isEqualTo("queue.overflow-target-required");

        Api.Response foreign = a.post("/api/cc/queues", queueWith("Y", Map.of("overflow",
                Map.of("full", action("QUEUE", "queueId", foreignQueue.toString())))));
        assertThat(foreign.json().path("errors").get(0).path("code").asString())
                .isEqualTo("queue.overflow-target-missing");
        assertThat(foreign.raw()).doesNotContain("Theirs");

        JsonNode ownQueue = a.get("/api/cc/queues/" + own).json();
        Map<String, Object> self = new HashMap<>(Fixtures.queue("Own"));
        self.put("version", ownQueue.path("version").asLong());
        self.put("overflow", Map.of("closed", action("QUEUE", "queueId", own.toString())));
        assertThat(a.put("/api/cc/queues/" + own, self).json().path("errors").get(0).path("code").asString())
                .isEqualTo("queue.overflow-self");

        Api.Response badNumber = a.inLanguage("ro").post("/api/cc/queues", queueWith("Z", Map.of("overflow",
                Map.of("noAgents", action("NUMBER", "number", "12345")))));
        assertThat(badNumber.json().path("errors").get(0).path("field").asString()).isEqualTo("overflow.noAgents.number");
        assertThat(badNumber.json().path("errors").get(0).path("code").asString()).isEqualTo("number.invalid");

        Api.Response badStrategy = a.post("/api/cc/queues", queueWith("W", Map.of("strategy", "RANDOM")));
        assertThat(badStrategy.status()).isEqualTo(400);
        Api.Response outOfRange = a.post("/api/cc/queues", queueWith("V", Map.of("priority", 10)));
        assertThat(outOfRange.json().path("errors").get(0).path("field").asString()).isEqualTo("priority");
        assertThat(a.get("/api/cc/queues").json().path("total").asInt()).as("nothing half-created").isEqualTo(1);
    }

    @Test
    void membersWithSkillLevelsAreReplacedAndSkillsInUseCannotBeDeleted() {
        Api a = Api.adminOfNewTenant(port);
        UUID queue = a.post("/api/cc/queues", Fixtures.queue("Billing")).id();
        UUID ana = a.post("/api/cc/agents", Fixtures.agent("Ana")).id();
        UUID bob = a.post("/api/cc/agents", Fixtures.agent("Bob")).id();
        UUID romanian = a.post("/api/cc/skills", Map.of("name", "Romanian", "description", "speaks Romanian")).id();
        UUID invoices = a.post("/api/cc/skills", Map.of("name", "Invoices")).id();
        assertThat(a.post("/api/cc/skills", Map.of("name", "Romanian")).code()).isEqualTo("skill.name-taken");

        Api.Response set = a.put("/api/cc/queues/" + queue + "/members", Map.of("members", List.of(
                Map.of("agentId", ana.toString(), "skills", List.of(Map.of("skillId", romanian.toString(), "level", 5),
                        Map.of("skillId", invoices.toString(), "level", 2))),
                Map.of("agentId", bob.toString(), "skills", List.of()))));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        JsonNode members = a.get("/api/cc/queues/" + queue + "/members").json();
        assertThat(members).hasSize(2);
        assertThat(members.get(0).path("displayName").asString()).isEqualTo("Ana");
        assertThat(members.get(0).path("loggedIn").asBoolean()).isFalse();
        assertThat(members.get(0).path("skills")).hasSize(2);
        assertThat(members.get(1).path("skills")).isEmpty();

        Api.Response inUse = a.delete("/api/cc/skills/" + invoices);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.code()).isEqualTo("skill.in-use");

        // Bob leaves, Ana keeps only Romanian at level 3
        a.put("/api/cc/queues/" + queue + "/members", Map.of("members", List.of(Map.of("agentId", ana.toString(),
                "skills", List.of(Map.of("skillId", romanian.toString(), "level", 3))))));
        members = a.get("/api/cc/queues/" + queue + "/members").json();
        assertThat(members).hasSize(1);
        assertThat(members.get(0).path("skills").get(0).path("level").asInt()).isEqualTo(3);
        assertThat(a.delete("/api/cc/skills/" + invoices).status()).isEqualTo(204);

        Api.Response level6 = a.put("/api/cc/queues/" + queue + "/members", Map.of("members", List.of(Map.of(
                "agentId", ana.toString(), "skills", List.of(Map.of("skillId", romanian.toString(), "level", 6))))));
        assertThat(level6.status()).isEqualTo(400);
        Api.Response twice = a.put("/api/cc/queues/" + queue + "/members", Map.of("members", List.of(
                Map.of("agentId", ana.toString(), "skills", List.of()), Map.of("agentId", ana.toString(), "skills",
                        List.of()))));
        assertThat(twice.json().path("errors").get(0).path("code").asString()).isEqualTo("queue.member-duplicate");
        assertThat(a.get("/api/cc/queues/" + queue + "/members").json().get(0).path("skills").get(0).path("level")
                .asInt()).as("a refused change leaves the members as they were").isEqualTo(3);
    }

    @Test
    void anotherTenantsAgentOrSkillCannotBeMadeAMember() {
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        UUID queue = a.post("/api/cc/queues", Fixtures.queue("Mine")).id();
        UUID foreignAgent = b.post("/api/cc/agents", Fixtures.agent("Eve")).id();
        UUID foreignSkill = b.post("/api/cc/skills", Map.of("name", "Secret")).id();
        UUID ana = a.post("/api/cc/agents", Fixtures.agent("Ana")).id();

        Api.Response agent = a.put("/api/cc/queues/" + queue + "/members", Map.of("members", List.of(
                Map.of("agentId", foreignAgent.toString(), "skills", List.of()))));
        assertThat(agent.status()).isEqualTo(404);
        assertThat(agent.raw()).doesNotContain("Eve");
        Api.Response skill = a.put("/api/cc/queues/" + queue + "/members", Map.of("members", List.of(
                Map.of("agentId", ana.toString(), "skills", List.of(Map.of("skillId", foreignSkill.toString(),
                        "level", 1))))));
        assertThat(skill.status()).isEqualTo(404);
        assertThat(skill.raw()).doesNotContain("Secret");
        assertThat(a.get("/api/cc/queues/" + queue + "/members").json()).isEmpty();
    }

    @Test
    void breakReasonsRoundTripWithUniqueNames() {
        Api a = Api.adminOfNewTenant(port);
        Api.Response lunch = a.post("/api/cc/break-reasons", Map.of("name", "Lunch", "paid", false, "maxMinutes", 30));
        assertThat(lunch.status()).as(lunch.toString()).isEqualTo(201);
        assertThat(lunch.json().path("enabled").asBoolean()).isTrue();
        assertThat(a.post("/api/cc/break-reasons", Map.of("name", "Lunch")).code()).isEqualTo("break-reason.name-taken");
        assertThat(a.post("/api/cc/break-reasons", Map.of("name", "Nap", "maxMinutes", 0)).status()).isEqualTo(400);
        Api.Response changed = a.put("/api/cc/break-reasons/" + lunch.id(), Map.of("name", "Lunch break", "paid", true,
                "enabled", false, "version", lunch.json().path("version").asLong()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("maxMinutes").isNull()).isTrue();
        assertThat(changed.json().path("paid").asBoolean()).isTrue();
        assertThat(a.put("/api/cc/break-reasons/" + lunch.id(), Map.of("name", "Stale", "version", 0)).code())
                .isEqualTo("resource.stale");
        assertThat(a.get("/api/cc/break-reasons").json().path("items").get(0).path("name").asString())
                .isEqualTo("Lunch break");
        assertThat(a.delete("/api/cc/break-reasons/" + lunch.id()).status()).isEqualTo(204);
        assertThat(a.get("/api/cc/break-reasons").json().path("total").asInt()).isZero();
    }
}
