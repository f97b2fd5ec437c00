package io.linea.identity.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linea.identity.testing.Api;
import io.linea.identity.testing.Bodies;
import io.linea.identity.testing.Fixtures;
import io.linea.identity.testing.IdentityIntegrationTest;
import io.linea.identity.tenant.Tenant;
import io.linea.platform.security.Roles;

/** Password policy through the API (SEC-01): composition, history, localised problem details. */
class PasswordPolicyTest extends IdentityIntegrationTest {

    @Test
    void initialPasswordsAreCheckedAgainstTheTenantPolicyInTheCallersLanguage() {
        Tenant tenant = fixtures.tenant();
        fixtures.policy(tenant.id(), p -> Fixtures.with(p, Map.of("minLength", 12, "requireSymbol", true)));
        Fixtures.User admin = fixtures.user(tenant, Roles.TENANT_ADMIN);
        Api api = api().as(admin.token()).tenant(tenant.id());
        String username = Fixtures.unique("new");

        Api.Response tooShort = api.language("ro").post("/api/identity/users", Bodies.newUser(username, "Ab1!xyz"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.contentType()).startsWith("application/problem+json");
        assertThat(tooShort.code()).isEqualTo("password.policy");
        assertThat(Bodies.errorCodes(tooShort)).containsExactly("password.too-short");
        assertThat(tooShort.json().get("errors").get(0).get("field").asString()).isEqualTo("initialPassword");
        assertThat(tooShort.json().get("errors").get(0).get("message").asString())
                .isEqualTo("Parola trebuie să aibă cel puțin 12 caractere.");
        assertThat(tooShort.json().get("detail").asString()).isEqualTo("Parola nu respectă politica de parole.");

        Api.Response missingClasses = api.language("en").post("/api/identity/users",
                Bodies.newUser(username, "alllowercaseletters"));
        assertThat(Bodies.errorCodes(missingClasses)).containsExactlyInAnyOrder("password.needs-upper",
                "password.needs-digit", "password.needs-symbol");
        assertThat(fixtures.query("select count(*) from identity.person where username = ?", username))
                .containsExactly(0L);

        Api.Response created = api.post("/api/identity/users", Bodies.newUser(username, "Good-Password-2026"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("username").asString()).isEqualTo(username);
        Api.Response taken = api.post("/api/identity/users", Bodies.newUser(username.toUpperCase(), "Good-Password-2026"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("user.username-taken");
    }

    @Test
    void ownPasswordChangeRefusesPasswordsFromTheHistory() {
        Tenant tenant = fixtures.tenant();
        fixtures.policy(tenant.id(), p -> Fixtures.with(p, Map.of("historySize", 2)));
        Fixtures.User user = fixtures.user(tenant, Roles.AGENT);
        Api api = api().as(user.token());

        Api.Response wrongCurrent = api.post("/api/identity/me/password",
                Map.of("currentPassword", "nope", "newPassword", "Another-Pass-123"));
        assertThat(wrongCurrent.code()).isEqualTo("password.current-wrong");

        Api.Response same = api.post("/api/identity/me/password",
                Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", Fixtures.PASSWORD));
        assertThat(same.status()).isEqualTo(400);
        assertThat(Bodies.errorCodes(same)).containsExactly("password.reused");

        assertThat(api.post("/api/identity/me/password",
                Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "Second-Pass-123")).status())
                .isEqualTo(204);
        Api.Response back = api.language("uk").post("/api/identity/me/password",
                Map.of("currentPassword", "Second-Pass-123", "newPassword", Fixtures.PASSWORD));
        assertThat(Bodies.errorCodes(back)).containsExactly("password.reused");
        assertThat(back.json().get("errors").get(0).get("message").asString()).contains("2");
        assertThat(api.post("/api/identity/me/password",
                Map.of("currentPassword", "Second-Pass-123", "newPassword", "Third-Pass-1234")).status())
                .isEqualTo(204);
        assertThat(api.post("/api/identity/me/password",
                Map.of("currentPassword", "Third-Pass-1234", "newPassword", Fixtures.PASSWORD)).status())
                .as("the first password has left a history of 2").isEqualTo(204);
        assertThat(fixtures.query("select count(*) from identity.audit_event where tenant_id = ? and actor_id = ?"
                + " and type = 'password.changed'", tenant.id(), user.id())).containsExactly(3L);
    }
}
