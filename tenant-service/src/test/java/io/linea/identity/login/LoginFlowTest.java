package io.linea.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.linea.identity.testing.Api;
import io.linea.identity.testing.Browser;
import io.linea.identity.testing.Fixtures;
import io.linea.identity.testing.IdentityIntegrationTest;
import io.linea.identity.tenant.Tenant;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.Roles;

/** The OIDC sign-in through the login pages, with a real HTTP client (TEN-03, TEN-05, SEC-01, SEC-02). */
class LoginFlowTest extends IdentityIntegrationTest {

    @Test
    void fullLoginIssuesTokensWithActiveMembershipsAndEffectivePermissions() {
        Tenant active = fixtures.tenant("Active Co");
        Tenant other = fixtures.tenant("Other Co");
        Tenant suspended = fixtures.tenant("Sleeping Co");
        Fixtures.User user = fixtures.user(active, Roles.SUPERVISOR, Permissions.RECORDINGS_DOWNLOAD);
        fixtures.member(user, other, Roles.AGENT);
        fixtures.member(user, suspended, Roles.TENANT_ADMIN);
        Fixtures.User platform = fixtures.platformAdmin();
        assertThat(api().as(platform.token()).post("/api/identity/platform/tenants/" + suspended.id() + "/suspend",
                Map.of("reason", "unpaid")).status()).isEqualTo(200);

        Browser browser = browser();
        Browser.Page start = browser.authorize();
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.location()).endsWith("/login");
        Browser.Page afterLogin = browser.login(user.username(), Fixtures.PASSWORD);
        JsonNode tokens = browser.tokens(browser.code(afterLogin), Browser.CALLBACK);

        JsonNode claims = Browser.claims(tokens.get("access_token").asString());
        assertThat(claims.get("sub").asString()).isEqualTo(user.id().toString());
        assertThat(claims.get("iss").asString()).isEqualTo("http://localhost:8080");
        assertThat(claims.get("preferred_username").asString()).isEqualTo(user.username());
        assertThat(claims.get("name").asString()).isEqualTo("Name of " + user.username());
        assertThat(claims.get("locale").asString()).isEqualTo("en");
        assertThat(claims.get("platform_roles").isArray()).isTrue();
        assertThat(claims.get("platform_roles").size()).isZero();
        long lifetime = claims.get("exp").asLong() - claims.get("iat").asLong();
        assertThat(lifetime).isEqualTo(30 * 60);

        Map<String, JsonNode> memberships = new java.util.HashMap<>();
        claims.get("memberships").forEach(m -> memberships.put(m.get("tenant_id").asString(), m));
        assertThat(memberships).containsOnlyKeys(active.id().toString(), other.id().toString());
        JsonNode supervisor = memberships.get(active.id().toString());
        assertThat(supervisor.get("slug").asString()).isEqualTo(active.slug());
        assertThat(supervisor.get("name").asString()).isEqualTo("Active Co");
        assertThat(strings(supervisor.get("roles"))).containsExactly("supervisor");
        Set<String> expected = Roles.effectivePermissions(List.of("supervisor"),
                List.of(Permissions.RECORDINGS_DOWNLOAD));
        assertThat(new HashSet<>(strings(supervisor.get("permissions")))).isEqualTo(expected);
        assertThat(strings(supervisor.get("permissions"))).contains(Permissions.RECORDINGS_DOWNLOAD);
        assertThat(new HashSet<>(strings(memberships.get(other.id().toString()).get("permissions"))))
                .isEqualTo(Roles.AGENT.permissions());

        JsonNode idToken = Browser.claims(tokens.get("id_token").asString());
        assertThat(idToken.get("preferred_username").asString()).isEqualTo(user.username());
        assertThat(idToken.get("memberships").size()).isEqualTo(2);

        Api.Response me = api().as(tokens.get("access_token").asString()).get("/api/identity/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(user.username());
        assertThat(me.json().get("mfaEnrolled").asBoolean()).isFalse();
        List<String> statuses = new ArrayList<>();
        me.json().get("memberships").forEach(m -> statuses.add(m.get("slug").asString() + "=" + m.get("status").asString()));
        assertThat(statuses).containsExactlyInAnyOrder(active.slug() + "=ACTIVE", other.slug() + "=ACTIVE",
                suspended.slug() + "=SUSPENDED");

        Api.Response userInfo = api().as(tokens.get("access_token").asString()).get("/userinfo");
        assertThat(userInfo.status()).as(userInfo.toString()).isEqualTo(200);
        assertThat(userInfo.json().get("preferred_username").asString()).isEqualTo(user.username());

        List<Object> audited = fixtures.query("select type || ':' || outcome from identity.audit_event"
                + " where tenant_id = ? and actor_id = ?", active.id(), user.id());
        assertThat(audited).contains("login.succeeded:SUCCESS");
    }

    @Test
    void suspendedTenantRefusesItsPeopleWithTheReasonAndReactivationRestoresAccess() {
        Tenant tenant = fixtures.tenant(Fixtures.unique("Kiwi Care"));
        Fixtures.User user = fixtures.user(tenant, Roles.AGENT);
        Api platform = api().as(fixtures.platformAdmin().token());
        assertThat(platform.post("/api/identity/platform/tenants/" + tenant.id() + "/suspend", Map.of("reason", "x"))
                .status()).isEqualTo(200);

        Browser browser = browser();
        browser.authorize();
        Browser.Page refused = browser.login(user.username(), Fixtures.PASSWORD);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.testId("login-error")).contains(tenant.displayName() + " is suspended");
        assertThat(reasons(tenant, user)).contains("login.failed:tenant-suspended");

        assertThat(platform.post("/api/identity/platform/tenants/" + tenant.id() + "/reactivate", null).status())
                .isEqualTo(200);
        JsonNode tokens = browser().signIn(user.username(), Fixtures.PASSWORD);
        assertThat(Browser.claims(tokens.get("access_token").asString()).get("memberships").size()).isEqualTo(1);
    }

    @Test
    void wrongPasswordsLockTheAccountUntilAnAdminUnlocksIt() {
        Tenant tenant = fixtures.tenant();
        fixtures.policy(tenant.id(), p -> Fixtures.with(p, Map.of("lockoutThreshold", 3, "lockoutMinutes", 20)));
        Fixtures.User user = fixtures.user(tenant, Roles.AGENT);
        Fixtures.User admin = fixtures.user(tenant, Roles.TENANT_ADMIN);

        Browser browser = browser();
        browser.authorize();
        assertThat(browser.login(user.username(), "Wrong-Password-1").testId("login-error"))
                .isEqualTo("The username or password is not correct.");
        assertThat(browser.login(user.username(), "Wrong-Password-2").testId("login-error"))
                .isEqualTo("The username or password is not correct.");
        assertThat(browser.login(user.username(), "Wrong-Password-3").testId("login-error"))
                .startsWith("Too many failed attempts. The account is locked until ");
        Browser.Page locked = browser.login(user.username(), Fixtures.PASSWORD);
        assertThat(locked.location()).isNull();
        assertThat(locked.testId("login-error")).contains("locked until");
        assertThat(reasons(tenant, user)).contains("login.failed:bad-password", "account.locked:bad-password",
                "login.failed:locked");

        Api.Response listed = api().as(admin.token()).tenant(tenant.id()).get("/api/identity/users/" + user.id());
        assertThat(listed.json().get("locked").asBoolean()).isTrue();
        Api.Response unlocked = api().as(admin.token()).tenant(tenant.id())
                .post("/api/identity/users/" + user.id() + "/unlock", null);
        assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
        assertThat(unlocked.json().get("locked").asBoolean()).isFalse();
        assertThat(browser().signIn(user.username(), Fixtures.PASSWORD).get("access_token")).isNotNull();
        assertThat(fixtures.query("select count(*) from identity.audit_event where tenant_id = ? and type = ?"
                + " and actor_id = ?", tenant.id(), "user.unlocked", admin.id())).containsExactly(1L);
    }

    @Test
    void expiredPasswordMustBeChangedAccordingToThePolicyBeforeTheTokenIsIssued() {
        Tenant tenant = fixtures.tenant();
        fixtures.policy(tenant.id(), p -> Fixtures.with(p, Map.of("maxAgeDays", 30, "historySize", 3)));
        Fixtures.User user = fixtures.user(tenant, Roles.AGENT);
        fixtures.sql("update identity.person set password_changed_at = now() - interval '40 days' where id = ?",
                user.id());

        Browser browser = browser();
        browser.authorize();
        Browser.Page afterLogin = browser.login(user.username(), Fixtures.PASSWORD);
        assertThat(afterLogin.location()).endsWith("/login/password");
        Browser.Page page = browser.get("/login/password");
        assertThat(page.body()).contains("At least 10 characters");

        assertThat(browser.submit("/login/password", Map.of("newPassword", "Brand-New-Pass-77", "confirmPassword",
                "Brand-New-Pass-78")).testId("login-error")).isEqualTo("The two passwords are not the same.");
        assertThat(browser.submit("/login/password", Map.of("newPassword", Fixtures.PASSWORD, "confirmPassword",
                Fixtures.PASSWORD)).testId("login-error")).contains("last 3 passwords");
        assertThat(browser.submit("/login/password", Map.of("newPassword", "short", "confirmPassword", "short"))
                .testId("login-error")).contains("at least 10 characters");
        Browser.Page changed = browser.submit("/login/password", Map.of("newPassword", "Brand-New-Pass-77",
                "confirmPassword", "Brand-New-Pass-77"));
        assertThat(browser.tokens(browser.code(changed), Browser.CALLBACK).get("access_token")).isNotNull();
        assertThat(reasons(tenant, user)).contains("password.changed:expired");

        Browser again = browser();
        again.authorize();
        assertThat(again.login(user.username(), "Brand-New-Pass-77").location()).contains("/oauth2/authorize");
    }

    @Test
    void mfaEnrolmentThenCodesWrongAndReplayedCodesAreRefused() {
        Tenant tenant = fixtures.tenant();
        fixtures.policy(tenant.id(), p -> Fixtures.with(p, Map.of("mfaMode", io.linea.identity.policy.MfaMode.ALL,
                "lockoutThreshold", 10)));
        Fixtures.User user = fixtures.user(tenant, Roles.AGENT);
        Totp totp = new Totp();

        Browser browser = browser();
        browser.authorize();
        assertThat(browser.login(user.username(), Fixtures.PASSWORD).location()).endsWith("/login/mfa/enrol");
        Browser.Page enrol = browser.get("/login/mfa/enrol");
        String secret = enrol.testId("mfa-secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(enrol.body()).contains("src=\"data:image/png;base64,");
        long step = Totp.step(java.time.Instant.now());
        String good = totp.code(secret, step);
        String wrong = good.equals("000000") ? "111111" : "000000";
        Browser.Page refused = browser.submit("/login/mfa/enrol", Map.of("code", wrong));
        assertThat(refused.testId("login-error")).isEqualTo("The code is not correct.");
        assertThat(refused.testId("mfa-secret")).isEqualTo(secret);
        Browser.Page enrolled = browser.submit("/login/mfa/enrol", Map.of("code", good));
        assertThat(browser.tokens(browser.code(enrolled), Browser.CALLBACK).get("access_token")).isNotNull();
        long usedStep = ((Number) fixtures.query("select last_totp_step from identity.person where id = ?",
                user.id()).getFirst()).longValue();

        Browser second = browser();
        second.authorize();
        assertThat(second.login(user.username(), Fixtures.PASSWORD).location()).endsWith("/login/mfa");
        assertThat(second.submit("/login/mfa", Map.of("code", totp.code(secret, usedStep))).testId("login-error"))
                .isEqualTo("This code was already used. Wait for the next code.");
        assertThat(second.submit("/login/mfa", Map.of("code", "12345")).testId("login-error"))
                .isEqualTo("The code is not correct.");
        Browser.Page passed = second.submit("/login/mfa", Map.of("code", totp.code(secret, usedStep + 1)));
        assertThat(second.tokens(second.code(passed), Browser.CALLBACK).get("access_token")).isNotNull();

        assertThat(reasons(tenant, user)).contains("mfa.enrolled:-", "login.failed:mfa-failed",
                "login.failed:mfa-replayed", "login.succeeded:-");
        Api.Response me = api().as(user.token()).get("/api/identity/me");
        assertThat(me.json().get("mfaEnrolled").asBoolean()).isTrue();
    }

    @Test
    void trustedNetworkOfEveryRequiringTenantSkipsMfa() {
        Tenant tenant = fixtures.tenant();
        fixtures.policy(tenant.id(), p -> Fixtures.with(p, Map.of("mfaMode", io.linea.identity.policy.MfaMode.ADMINS,
                "trustedNetworks", List.of("203.0.113.0/24"))));
        Fixtures.User admin = fixtures.user(tenant, Roles.TENANT_ADMIN);

        Browser office = browser().header("X-Forwarded-For", "203.0.113.7");
        assertThat(office.signIn(admin.username(), Fixtures.PASSWORD).get("access_token")).isNotNull();
        assertThat(fixtures.query("select source_ip from identity.audit_event where tenant_id = ? and actor_id = ?"
                + " and type = 'login.succeeded'", tenant.id(), admin.id())).containsExactly("203.0.113.7");

        Browser home = browser().header("X-Forwarded-For", "198.51.100.7");
        home.authorize();
        assertThat(home.login(admin.username(), Fixtures.PASSWORD).location()).endsWith("/login/mfa/enrol");

        Tenant strict = fixtures.tenant();
        fixtures.policy(strict.id(), p -> Fixtures.with(p, Map.of("mfaMode", io.linea.identity.policy.MfaMode.ALL)));
        fixtures.member(admin, strict, Roles.AGENT);
        Browser officeAgain = browser().header("X-Forwarded-For", "203.0.113.7");
        officeAgain.authorize();
        assertThat(officeAgain.login(admin.username(), Fixtures.PASSWORD).location()).endsWith("/login/mfa/enrol");
    }

    @Test
    void pagesSpeakTheChosenLanguage() {
        Browser browser = browser();
        Browser.Page romanian = browser.get("/login?lang=ro");
        assertThat(romanian.body()).contains("Autentificare").contains("lang=\"ro\"");
        assertThat(browser.get("/login").body()).contains("Autentificare");
        browser.authorize();
        assertThat(browser.login("nobody-" + Fixtures.unique("x"), "whatever").testId("login-error"))
                .isEqualTo("Numele de utilizator sau parola nu sunt corecte.");

        assertThat(browser().header("Accept-Language", "uk-UA,uk;q=0.9").get("/login").body()).contains("Вхід");
        Browser polish = browser();
        polish.authorize(Browser.CALLBACK, "ui_locales=pl");
        assertThat(polish.get("/login").body()).contains("Logowanie");
        assertThat(browser().header("Accept-Language", "kk").get("/login").body()).contains("Құпиясөз");
        assertThat(browser().header("Accept-Language", "fr").get("/login").body()).contains("Sign in");
    }

    @Test
    void unknownUsersAreAuditedOnThePlatform() {
        String name = Fixtures.unique("ghost");
        Browser browser = browser();
        browser.authorize();
        assertThat(browser.login(name, "Whatever-123").testId("login-error"))
                .isEqualTo("The username or password is not correct.");
        assertThat(fixtures.query("select details->>'reason' from identity.platform_audit_event where actor_name = ?",
                name)).containsExactly("unknown-user");
    }

    @Test
    void disabledMembershipIsRefused() {
        Tenant tenant = fixtures.tenant();
        Fixtures.User user = fixtures.user(tenant, Roles.AGENT);
        Fixtures.User admin = fixtures.user(tenant, Roles.TENANT_ADMIN);
        assertThat(api().as(admin.token()).tenant(tenant.id()).post("/api/identity/users/" + user.id() + "/disable",
                null).status()).isEqualTo(200);
        Browser browser = browser();
        browser.authorize();
        assertThat(browser.login(user.username(), Fixtures.PASSWORD).testId("login-error"))
                .isEqualTo("This account is disabled. Contact your administrator.");
        assertThat(reasons(tenant, user)).contains("login.failed:disabled");
    }

    @Test
    void tenantAddressBrandsThePageAndReceivesTheCode() throws Exception {
        Tenant tenant = fixtures.tenant(Fixtures.unique("Blue Harbour"));
        String page = rawGet("/login", tenant.slug() + ".localhost:" + port);
        assertThat(page).contains("data-testid=\"login-brand\">" + tenant.displayName() + "<");

        Fixtures.User user = fixtures.user(tenant, Roles.AGENT);
        String tenantCallback = "http://" + tenant.slug() + ".localhost:8080/auth/callback";
        Browser browser = browser();
        assertThat(browser.authorize(tenantCallback, null).location()).endsWith("/login");
        Browser.Page afterLogin = browser.login(user.username(), Fixtures.PASSWORD);
        Browser.Page callback = browser.get(afterLogin.location());
        assertThat(callback.location()).startsWith(tenantCallback + "?code=");

        Browser evil = browser();
        assertThat(evil.authorize("http://evil.example/auth/callback", null).status()).isEqualTo(400);
        assertThat(browser().authorize("http://" + tenant.slug() + ".localhost:8080/elsewhere", null).status())
                .isEqualTo(400);
    }

    @Test
    void oidcLogoutIsAuditedAndReturnsToTheTenantAddress() {
        Tenant tenant = fixtures.tenant();
        Fixtures.User user = fixtures.user(tenant, Roles.AGENT);
        Browser browser = browser();
        JsonNode tokens = browser.signIn(user.username(), Fixtures.PASSWORD);
        String target = "http://" + tenant.slug() + ".localhost:8080/";
        Browser.Page logout = browser.get("/connect/logout?client_id=linea-web&id_token_hint="
                + tokens.get("id_token").asString() + "&post_logout_redirect_uri="
                + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(logout.status()).as(logout.body()).isEqualTo(302);
        assertThat(logout.location()).isEqualTo(target);
        assertThat(reasons(tenant, user)).contains("logout:-");
        assertThat(browser.authorize().location()).endsWith("/login");
    }

    private List<String> reasons(Tenant tenant, Fixtures.User user) {
        return fixtures.query("select type || ':' || coalesce(details->>'reason', '-') from identity.audit_event"
                + " where tenant_id = ? and actor_id = ? order by occurred_at", tenant.id(), user.id()).stream()
                .map(String::valueOf).toList();
    }

    private String rawGet(String path, String host) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
