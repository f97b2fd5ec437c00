package io.linea.cc.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.linea.cc.settings.Language;

/** I18N-02: every prompt exists in every language, translated, in the right script; plain Java. */
class PromptTextsTests {

    static final Set<String> KEYS = Set.of("greeting", "suspended", "no-agents", "still-waiting", "unknown-number",
            // routing (ACD-09, ACD-10, IVR-09)
            "queue-position", "queue-wait", "queue-wait-short", "queue-press-callback", "queue-press-voicemail",
            "callback-kept", "callback-confirmed", "callback-offer", "voicemail", "voicemail-thanks",
            "callback-time", "callback-time-invalid", "callback-time-closed", "callback-scheduled");

    private final PromptTexts texts = new PromptTexts();

    static Properties bundle(Language language) throws IOException {
        String name = "/prompts/prompts" + (language == Language.en ? "" : "_" + language.name()) + ".properties";
        Properties properties = new Properties();
        try (InputStream in = PromptTextsTests.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageHasExactlyThePromptKeys(Language language) throws IOException {
        assertThat(bundle(language).stringPropertyNames()).as(language.name()).isEqualTo(KEYS);
        for (String key : KEYS) {
            assertThat(bundle(language).getProperty(key)).as(language + " " + key).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void renderedPromptsAreTranslatedAndFullyFormatted(Language language) {
        for (String key : KEYS) {
            String text = texts.text(key, language, "Acme");
            String english = texts.text(key, Language.en, "Acme");
            if (language != Language.en) {
                assertThat(text).as(language + " " + key).isNotEqualTo(english);
            }
            assertThat(text).as(language + " " + key).doesNotContain("{", "}", "''", "\uFFFD", "?").endsWith(".");
            if (key.equals("greeting")) {
                assertThat(text).contains("Acme");
            }
        }
    }

    @Test
    void eachLanguageIsWrittenInItsOwnScript() {
        for (String key : KEYS) {
            String ru = texts.text(key, Language.ru, "");
            String uk = texts.text(key, Language.uk, "");
            String kk = texts.text(key, Language.kk, "");
            for (String cyrillic : new String[] { ru, uk, kk }) {
                assertThat(cyrillic.codePoints().filter(Character::isLetter)
                        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC))
                        .as(cyrillic).isTrue();
            }
            String ro = texts.text(key, Language.ro, "");
            // Romanian uses ș and ț with a comma below; the cedilla forms ş and ţ are a Turkish look-alike.
            assertThat(ro).doesNotContain("ş", "ţ", "Ş", "Ţ");
        }
        assertThat(String.join(" ", KEYS.stream().map(k -> texts.text(k, Language.ro, "")).toList()))
                .contains("ț", "ș", "ă", "î");
        assertThat(texts.text("greeting", Language.uk, "")).containsAnyOf("і", "ї", "є");
        assertThat(texts.text("greeting", Language.kk, "")).containsAnyOf("қ", "ң", "ә", "ғ", "ұ", "ү", "ө", "і");
        assertThat(texts.text("greeting", Language.kk, "")).doesNotContain("ё");
        assertThat(texts.text("greeting", Language.cs, "")).contains("ě");
        assertThat(texts.text("greeting", Language.pl, "")).contains("ę", "ł");
    }

    @Test
    void doubledApostrophesRenderAsOneAndArgumentsAreTakenLiterally() {
        assertThat(texts.text("greeting", Language.uk, "Acme")).contains("з'єднуємо").doesNotContain("''");
        assertThat(texts.text("still-waiting", Language.uk)).contains("з'єднати");
        assertThat(texts.text("greeting", Language.en, "O'Brien {1} & Sons"))
                .isEqualTo("Thank you for calling O'Brien {1} & Sons. Please hold while we connect you to an agent.");
    }

    @Test
    void unknownOrRegionalLanguagesResolveSensibly() {
        assertThat(PromptTexts.language("de")).isEqualTo(Language.en);
        assertThat(PromptTexts.language(null)).isEqualTo(Language.en);
        assertThat(PromptTexts.language("")).isEqualTo(Language.en);
        assertThat(PromptTexts.language("ro-RO")).isEqualTo(Language.ro);
        assertThat(PromptTexts.language("RU")).isEqualTo(Language.ru);
        assertThat(PromptTexts.language("kk_KZ")).isEqualTo(Language.kk);
    }

    @Test
    void englishStaysEnglishWhateverTheJvmDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ro"));
            assertThat(texts.text("suspended", Language.en))
                    .isEqualTo("This service is temporarily unavailable. Please call again later. Goodbye.");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void unknownKeysAndMissingArgumentsAreRefused() {
        assertThatThrownBy(() -> texts.text("no-such-prompt", Language.en))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-prompt");
        assertThatThrownBy(() -> texts.text("greeting", Language.ro))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("greeting");
        assertThat(texts.text("unknown-number", Language.pl)).isEqualTo("Wybrany numer jest nieczynny.");
    }
}
