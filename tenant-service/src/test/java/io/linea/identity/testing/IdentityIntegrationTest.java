package io.linea.identity.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import io.linea.platform.testing.LineaIntegrationTest;

/**
 * Base of the integration tests: tenant-service on a random port against the shared embedded
 * PostgreSQL. Accepts tokens minted by {@code TestTokens} and tokens this service issued itself. Every
 * test class uses this one configuration, so they share one application context.
 */
@LineaIntegrationTest
@Import({ AcceptIssuedTokens.class, Fixtures.class })
@TestPropertySource(properties = {
        "linea.identity.internal-token=" + IdentityIntegrationTest.INTERNAL_TOKEN,
        "linea.identity.public-url=http://localhost:8080",
        "linea.identity.base-domain=localhost",
        "linea.seed.demo=false",
        "linea.identity.platform-admin-password=" })
public abstract class IdentityIntegrationTest {

    public static final String INTERNAL_TOKEN = "test-internal-token-0123456789";

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected Fixtures fixtures;

    protected Api api() {
        return new Api(port);
    }

    protected Browser browser() {
        return new Browser(port);
    }
}
