package io.linea.identity.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.linea.identity.testing.Api;
import io.linea.identity.testing.Bodies;
import io.linea.identity.testing.Fixtures;
import io.linea.identity.testing.IdentityIntegrationTest;
import io.linea.identity.tenant.Tenant;
import io.linea.platform.security.Roles;

/** The JPA queries behind the user list and the tenant audit view: search, paging and filters. */
class MemberSearchAndAuditFilterTest extends IdentityIntegrationTest {

    private static final String PASSWORD = "Audit-Pass-2026";

    @Test
    void userSearchMatchesLiterallyWithinTheTenantAndPages() {
        Tenant a = fixtures.tenant();
        Tenant b = fixtures.tenant();
        Api apiA = api().as(fixtures.user(a, Roles.TENANT_ADMIN).token()).tenant(a.id());
        Api apiB = api().as(fixtures.user(b, Roles.TENANT_ADMIN).token()).tenant(b.id());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String underscore = "x" + tag + "_1";
        String letter = "x" + tag + "a1";
        assertThat(apiA.post("/api/identity/users", Bodies.newUser(underscore, PASSWORD)).status()).isEqualTo(201);
        assertThat(apiA.post("/api/identity/users", Bodies.newUser(letter, PASSWORD)).status()).isEqualTo(201);
        assertThat(apiB.post("/api/identity/users", Bodies.newUser("x" + tag + "b1", PASSWORD)).status())
                .isEqualTo(201);

        assertThat(usernames(apiA.get("/api/identity/users?query=" + enc(tag + "_1")).json()))
                .containsExactly(underscore);
        assertThat(usernames(apiA.get("/api/identity/users?query=" + enc(tag.toUpperCase(Locale.ROOT) + "%")).json()))
                .isEmpty();
        JsonNode first = apiA.get("/api/identity/users?size=1&query=" + tag).json();
        JsonNode second = apiA.get("/api/identity/users?size=1&page=1&query=" + tag).json();
        assertThat(first.get("total").asLong()).isEqualTo(2);
        List<String> paged = new ArrayList<>(usernames(first));
        paged.addAll(usernames(second));
        assertThat(paged).containsExactlyInAnyOrder(underscore, letter);
        assertThat(usernames(apiA.get("/api/identity/users?query=" + enc(tag.toUpperCase(Locale.ROOT))).json()))
                .containsExactly(underscore, letter).doesNotContain("x" + tag + "b1");
    }

    @Test
    void auditFiltersByActorNameOrIdAndTime() {
        Tenant a = fixtures.tenant();
        Fixtures.User admin = fixtures.user(a, Roles.TENANT_ADMIN);
        Api apiA = api().as(admin.token()).tenant(a.id());
        assertThat(apiA.post("/api/identity/users", Bodies.newUser(Fixtures.unique("aud"), PASSWORD)).status())
                .isEqualTo(201);

        JsonNode byId = apiA.get("/api/identity/audit?actor=" + admin.id()).json();
        assertThat(byId.get("total").asLong()).isPositive();
        byId.get("items").forEach(e -> assertThat(e.get("actorId").asString()).isEqualTo(admin.id().toString()));
        String actorName = byId.get("items").get(0).get("actorName").asString();
        JsonNode byName = apiA.get("/api/identity/audit?actor=" + enc(actorName.toUpperCase(Locale.ROOT))).json();
        assertThat(byName.get("total").asLong()).isEqualTo(byId.get("total").asLong());
        byName.get("items").forEach(e -> assertThat(e.get("actorId").asString()).isEqualTo(admin.id().toString()));
        assertThat(apiA.get("/api/identity/audit?actor=nobody-" + UUID.randomUUID()).json().get("total").asLong())
                .isZero();
        assertThat(apiA.get("/api/identity/audit?from=" + Instant.now().plusSeconds(3600)).json().get("total")
                .asLong()).isZero();
        assertThat(apiA.get("/api/identity/audit?to=" + Instant.now().plusSeconds(3600) + "&type=user.created")
                .json().get("total").asLong()).isEqualTo(1);
    }

    private static List<String> usernames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(u -> names.add(u.get("username").asString()));
        return names;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
