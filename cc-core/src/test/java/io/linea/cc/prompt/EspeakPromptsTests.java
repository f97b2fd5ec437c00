package io.linea.cc.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import io.linea.cc.settings.Language;

/** IVR-08: the media URI Asterisk plays, and the language-to-voice choice; no Spring context. */
class EspeakPromptsTests {

    @TempDir
    Path dir;

    private EspeakPrompts prompts(String baseUrl, MockEnvironment environment) {
        return new EspeakPrompts(new PromptSettings(dir, baseUrl, "espeak-ng", "sox", 150, Duration.ofSeconds(20)),
                environment);
    }

    @Test
    void mediaUriPointsAsteriskAtTheCachedWav() throws IOException {
        EspeakPrompts prompts = prompts("http://cc-core.internal:8082/", new MockEnvironment());

        String uri = prompts.mediaUriFor("greeting", "ro", "Acme");

        assertThat(uri).matches("sound:http://cc-core\\.internal:8082/media/prompts/[0-9a-f]{32}\\.wav");
        String id = uri.substring(uri.lastIndexOf('/') + 1, uri.length() - ".wav".length());
        assertThat(prompts.file(id)).hasValueSatisfying(file -> assertThat(file).exists());
        TelephonyWav.of(prompts.file(id).orElseThrow());
        assertThat(prompts.mediaUri(prompts.text("greeting", "ro", "Acme"), "ro")).isEqualTo(uri);
        assertThat(prompts.synthesizer().synthesisRuns()).isEqualTo(1);
    }

    @Test
    void withoutABaseUrlTheServiceItselfIsAskedOnTheRunningPort() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0")
                .withProperty("local.server.port", "43210");

        assertThat(prompts("", environment).mediaUri("Hello.", "en"))
                .startsWith("sound:http://127.0.0.1:43210/media/prompts/");
    }

    @Test
    void unknownLanguagesAreSpokenWithTheEnglishVoice() {
        EspeakPrompts prompts = prompts("http://media", new MockEnvironment());

        assertThat(prompts.mediaUri("Hello.", "de")).isEqualTo(prompts.mediaUri("Hello.", "en"));
        assertThat(prompts.text("suspended", "xx")).isEqualTo(prompts.text("suspended", "en"));
        assertThat(prompts.synthesizer().synthesisRuns()).isEqualTo(1);
    }

    @Test
    void everyLanguageHasItsOwnVoice() {
        assertThat(EspeakPrompts.VOICES).containsOnlyKeys(Language.ALL);
        assertThat(EspeakPrompts.VOICES.values()).doesNotHaveDuplicates();
    }
}
