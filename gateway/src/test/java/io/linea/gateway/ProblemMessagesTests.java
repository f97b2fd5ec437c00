package io.linea.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.linea.gateway.problem.Problems;

/** Every gateway problem code has a real translation in every UI language (I18N-01). */
class ProblemMessagesTests {

    static final Set<String> CODES = Set.of("auth.required", "tenant.not-member", "tenant.suspended", "rate.limited",
            "request.too-large", "route.not-found", "gateway.upstream-unavailable", "problem.fallback");

    @ParameterizedTest
    @ValueSource(strings = {"ro", "ru", "cs", "pl", "uk", "kk"})
    void everyLanguageHasEveryKeyTranslated(String language) throws IOException {
        Properties english = load("problems.properties");
        Properties translated = load("problems_" + language + ".properties");
        assertThat(english.stringPropertyNames()).containsAll(CODES);
        assertThat(translated.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String value = translated.getProperty(key);
            assertThat(value).as("%s in %s", key, language).isNotBlank().isNotEqualTo(english.getProperty(key))
                    .doesNotContain("'");
        }
    }

    @Test
    void detailsFollowAcceptLanguage() {
        Problems problems = new Problems();
        assertThat(problems.detail("tenant.suspended", Problems.locale("ro-RO,ro;q=0.9")))
                .isEqualTo("Această organizație client este suspendată.");
        assertThat(problems.detail("rate.limited", Problems.locale("de-DE,kk;q=0.5"))).startsWith("Сұраныстар");
        assertThat(problems.detail("auth.required", Problems.locale("de"))).isEqualTo("Sign in to continue.");
        assertThat(Problems.locale("%%%")).isEqualTo(Locale.ENGLISH);
        assertThat(problems.detail("no.such.code", Locale.forLanguageTag("pl")))
                .isEqualTo("Nie udało się zrealizować żądania.");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
