package io.linea.cc.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linea.integration.*}: the pepper mixed into every API key's hash ({@code LINEA_API_KEY_PEPPER}),
 * kept apart from the database so that a copy of the table alone cannot be used to test guesses.
 */
@ConfigurationProperties("linea.integration")
record IntegrationSettings(String apiKeyPepper) {

    IntegrationSettings {
        apiKeyPepper = apiKeyPepper == null ? "" : apiKeyPepper.strip();
    }
}
