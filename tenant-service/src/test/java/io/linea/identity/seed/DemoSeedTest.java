package io.linea.identity.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.linea.identity.support.Tx;
import io.linea.identity.testing.Browser;
import io.linea.identity.testing.IdentityIntegrationTest;

/** The demo data of docs/architecture.md, and that its people can sign in as described. */
class DemoSeedTest extends IdentityIntegrationTest {

    @Autowired
    DemoSeed seed;

    @Autowired
    Tx tx;

    @Test
    void seedsTheDocumentedDemoDataIdempotently() {
        tx.platformRun(seed::seedDemo);
        tx.platformRun(seed::seedDemo);

        assertThat(fixtures.query("select slug || ':' || display_name || ':' || time_zone || ':' || default_language"
                + " from identity.tenant where id in (?, ?) order by slug", DemoSeed.DEMO_ENERGY, DemoSeed.HEALTH_LINE))
                .containsExactly("demo:Demo Energy:Europe/Chisinau:ro", "health:Health Line:Europe/Kyiv:uk");
        assertThat(fixtures.query("select mfa_mode from identity.tenant_policy where tenant_id = ?",
                DemoSeed.DEMO_ENERGY)).containsExactly("ADMINS");
        assertThat(fixtures.query("select mfa_mode from identity.tenant_policy where tenant_id = ?",
                DemoSeed.HEALTH_LINE)).containsExactly("OFF");
        assertThat(fixtures.query("select count(*) from identity.membership m join identity.person p"
                + " on p.id = m.person_id where p.username = 'platform'")).containsExactly(0L);

        JsonNode operator = Browser.claims(browser().signIn("operator", DemoSeed.DEMO_PASSWORD)
                .get("access_token").asString());
        List<String> slugs = new java.util.ArrayList<>();
        operator.get("memberships").forEach(m -> slugs.add(m.get("slug").asString() + ":" + m.get("roles").get(0)
                .asString()));
        assertThat(slugs).containsExactlyInAnyOrder("demo:agent", "health:agent");

        String platformToken = browser().signIn("platform", DemoSeed.DEMO_PASSWORD).get("access_token").asString();
        JsonNode platform = Browser.claims(platformToken);
        assertThat(platform.get("platform_roles").get(0).asString()).isEqualTo("platform-admin");
        assertThat(platform.get("memberships").size()).isZero();
        assertThat(api().as(platformToken).get("/api/identity/platform/tenants").body()).contains("Demo Energy",
                "Health Line");

        JsonNode healthAdmin = Browser.claims(browser().signIn("health-admin", DemoSeed.DEMO_PASSWORD)
                .get("access_token").asString());
        assertThat(healthAdmin.get("name").asString()).isNotBlank();
        assertThat(healthAdmin.get("locale").asString()).isEqualTo("uk");

        for (String needsMfa : List.of("demo-admin", "demo-supervisor")) {
            Browser browser = browser();
            browser.authorize();
            assertThat(browser.login(needsMfa, DemoSeed.DEMO_PASSWORD).location()).as(needsMfa)
                    .endsWith("/login/mfa/enrol");
        }
        Browser agent = browser();
        agent.authorize();
        assertThat(agent.login("demo-agent1", DemoSeed.DEMO_PASSWORD).location()).contains("/oauth2/authorize");
    }
}
