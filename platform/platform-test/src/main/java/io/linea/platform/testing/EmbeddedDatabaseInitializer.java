package io.linea.platform.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test's application context at the shared embedded database, as owner for Flyway and app role otherwise. */
public class EmbeddedDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedDatabase database = EmbeddedDatabase.shared();
        TestPropertyValues.of(
                "LINEA_DB_URL=" + database.jdbcUrl(),
                "spring.datasource.url=" + database.jdbcUrl(),
                "spring.datasource.username=" + EmbeddedDatabase.APP,
                "spring.datasource.password=" + EmbeddedDatabase.APP,
                "spring.flyway.url=" + database.jdbcUrl(),
                "spring.flyway.user=" + EmbeddedDatabase.OWNER,
                "spring.flyway.password=" + EmbeddedDatabase.OWNER)
                .applyTo(context);
    }
}
