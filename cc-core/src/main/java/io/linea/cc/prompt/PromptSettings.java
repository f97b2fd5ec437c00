package io.linea.cc.prompt;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linea.prompts.*}: where synthesised prompts are cached ({@code LINEA_PROMPT_CACHE}), the base URL
 * Asterisk fetches them from ({@code LINEA_MEDIA_BASE_URL}; blank means this service on 127.0.0.1 and the
 * port it actually listens on), the espeak-ng and sox executables, the speaking rate in words per minute
 * and how long one synthesis step may take.
 */
@ConfigurationProperties("linea.prompts")
record PromptSettings(Path cacheDir, String baseUrl, @DefaultValue("espeak-ng") String espeakCommand,
        @DefaultValue("sox") String soxCommand, @DefaultValue("150") int speed,
        @DefaultValue("20s") Duration timeout) {

    PromptSettings {
        if (cacheDir == null) {
            cacheDir = Path.of(System.getProperty("java.io.tmpdir"), "linea-prompts");
        }
        baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        // espeak-ng accepts 80..450 words per minute; outside that it silently clamps.
        if (speed < 80 || speed > 450) {
            throw new IllegalArgumentException("linea.prompts.speed must be between 80 and 450, was " + speed);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("linea.prompts.timeout must be positive");
        }
    }
}
