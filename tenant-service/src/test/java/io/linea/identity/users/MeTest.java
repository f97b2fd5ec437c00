package io.linea.identity.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.linea.identity.login.Totp;
import io.linea.identity.testing.Api;
import io.linea.identity.testing.Fixtures;
import io.linea.identity.testing.IdentityIntegrationTest;
import io.linea.identity.tenant.Tenant;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.Roles;

/** The person's own account through the API, and the role catalogue. */
class MeTest extends IdentityIntegrationTest {

    @Test
    void languageCanBeChangedToASupportedOne() {
        Tenant tenant = fixtures.tenant();
        Fixtures.User user = fixtures.user(tenant, Roles.AGENT);
        Api api = api().as(user.token());
        assertThat(api.put("/api/identity/me/locale", Map.of("locale", "kk")).status()).isEqualTo(204);
        assertThat(api.get("/api/identity/me").json().get("locale").asString()).isEqualTo("kk");
        Api.Response unsupported = api.put("/api/identity/me/locale", Map.of("locale", "de"));
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.json().get("errors").get(0).get("code").asString()).isEqualTo("locale.unsupported");
    }

    @Test
    void mfaEnrolmentThroughTheApi() {
        Tenant tenant = fixtures.tenant();
        Fixtures.User user = fixtures.user(tenant, Roles.SUPERVISOR);
        Api api = api().as(user.token());
        assertThat(api.post("/api/identity/me/mfa/enrolment/confirm", Map.of("code", "123456")).code())
                .isEqualTo("mfa.no-enrolment");

        Api.Response started = api.post("/api/identity/me/mfa/enrolment", null);
        assertThat(started.status()).isEqualTo(200);
        String secret = started.json().get("secret").asString();
        assertThat(started.json().get("otpauthUri").asString()).startsWith("otpauth://totp/").contains(secret);
        assertThat(started.json().get("qrCodeDataUri").asString()).startsWith("data:image/png;base64,");
        assertThat(api.get("/api/identity/me").json().get("mfaEnrolled").asBoolean()).isFalse();

        Totp totp = new Totp();
        String good = totp.code(secret, Totp.step(Instant.now()));
        Api.Response wrong = api.post("/api/identity/me/mfa/enrolment/confirm",
                Map.of("code", good.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("mfa.code-invalid");
        assertThat(api.post("/api/identity/me/mfa/enrolment/confirm", Map.of("code", good)).status()).isEqualTo(204);
        assertThat(api.get("/api/identity/me").json().get("mfaEnrolled").asBoolean()).isTrue();
        assertThat(fixtures.query("select count(*) from identity.audit_event where tenant_id = ? and actor_id = ?"
                + " and type = 'mfa.enrolled'", tenant.id(), user.id())).containsExactly(1L);
    }

    @Test
    void catalogueListsRolesAndGrantablePermissions() {
        Tenant tenant = fixtures.tenant();
        Fixtures.User admin = fixtures.user(tenant, Roles.TENANT_ADMIN);
        Api.Response catalogue = api().as(admin.token()).tenant(tenant.id()).get("/api/identity/catalogue");
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(catalogue.json().get("roles").size()).isEqualTo(Roles.values().length);
        assertThat(catalogue.json().get("roles").get(0).get("name").asString()).isEqualTo("tenant-admin");
        assertThat(catalogue.json().get("grantablePermissions").size()).isEqualTo(Permissions.GRANTABLE.size());
    }
}
