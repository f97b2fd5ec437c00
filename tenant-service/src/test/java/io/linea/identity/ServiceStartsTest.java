package io.linea.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.linea.identity.testing.Browser;
import io.linea.identity.testing.IdentityIntegrationTest;

class ServiceStartsTest extends IdentityIntegrationTest {

    @Test
    void startsAndServesDiscovery() {
        var discovery = browser().get("/.well-known/openid-configuration");
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"http://localhost:8080\"");
        Browser.Page login = browser().get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("data-testid=\"login-submit\"");
    }
}
