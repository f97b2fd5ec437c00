package io.linea.cc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.linea.platform.problem.ProblemMessages;

/** I18N-01: every cc-core problem message exists in all seven languages and is really translated. */
class ProblemBundlesTests {

    private static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                ProblemBundlesTests.class.getResourceAsStream("/problems" + suffix + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void everyLanguageHasEveryKeyAndTranslatesIt() throws IOException {
        Properties english = load("");
        assertThat(english.stringPropertyNames()).contains("carrier.in-use", "number.invalid", "agent.mobile-required");
        for (Locale locale : ProblemMessages.SUPPORTED) {
            if (locale.equals(Locale.ENGLISH)) {
                continue;
            }
            Properties translated = load("_" + locale.getLanguage());
            assertThat(translated.keySet()).as(locale.getLanguage()).isEqualTo(english.keySet());
            // constraint.* values are problem codes, the same in every language
            assertThat(english.stringPropertyNames().stream().filter(key -> !key.startsWith("constraint."))
                    .filter(key -> translated.getProperty(key).equals(english.getProperty(key))))
                    .as("untranslated messages in %s", locale.getLanguage()).isEmpty();
            for (String key : translated.stringPropertyNames()) {
                assertThat(translated.getProperty(key)).as(key).isNotBlank().doesNotContain("'");
                assertThat(translated.getProperty(key).contains("{0}")).as("placeholder of %s in %s", key, locale)
                        .isEqualTo(english.getProperty(key).contains("{0}"));
            }
        }
    }

    @Test
    void everyConstraintMapsToACodeWithAMessage() throws IOException {
        Properties english = load("");
        english.stringPropertyNames().stream().filter(key -> key.startsWith("constraint."))
                .forEach(key -> assertThat(english.getProperty(english.getProperty(key)))
                        .as("message of %s", english.getProperty(key)).isNotBlank());
    }
}
