package io.linea.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every problem message exists in all seven languages and is really translated (I18N-01). */
class ProblemMessagesTests {

    private static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                ProblemMessagesTests.class.getResourceAsStream("/linea/problems" + suffix + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void everyLanguageHasEveryKeyAndTranslatesIt() throws IOException {
        Properties english = load("");
        assertThat(english).isNotEmpty();
        for (Locale locale : ProblemMessages.SUPPORTED) {
            if (locale.equals(Locale.ENGLISH)) {
                continue;
            }
            Properties translated = load("_" + locale.getLanguage());
            assertThat(translated.keySet()).as(locale.getLanguage()).isEqualTo(english.keySet());
            long untranslated = english.stringPropertyNames().stream()
                    .filter(key -> translated.getProperty(key).equals(english.getProperty(key))).count();
            assertThat(untranslated).as("untranslated messages in " + locale.getLanguage()).isZero();
            translated.stringPropertyNames()
                    .forEach(key -> assertThat(translated.getProperty(key)).as(key).isNotBlank().doesNotContain("'"));
        }
    }

    @Test
    void messagesFollowTheCallersLanguageWithEnglishAsFallback() {
        ProblemMessages messages = new ProblemMessages();
        assertThat(messages.message("tenant.suspended", new Object[0], Locale.forLanguageTag("ro")))
                .isEqualTo("Această organizație client este suspendată.");
        assertThat(messages.message("request.unknown-field", new Object[] { "colour" }, Locale.forLanguageTag("kk")))
                .isEqualTo("Белгісіз өріс: colour.");
        assertThat(messages.message("tenant.suspended", new Object[0], Locale.JAPANESE))
                .isEqualTo("This client organisation is suspended.");
        assertThat(messages.message("no.such.code", new Object[0], Locale.ENGLISH))
                .isEqualTo("The request could not be completed.");
    }

    @Test
    void constraintNamesMapToProblemCodesOnlyWhenDeclared() {
        assertThat(new ProblemMessages().constraintCode("some_unknown_constraint")).isNull();
    }
}
