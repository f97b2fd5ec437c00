package io.linea.cc.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.linea.cc.settings.Language;

/** IVR-08, I18N-02: prompts synthesised by the real espeak-ng and sox, once, safely, as telephony WAV. */
class PromptSynthesizerTests {

    @TempDir
    Path dir;

    private final PromptTexts texts = new PromptTexts();

    private PromptSynthesizer synthesizer() {
        return synthesizer("espeak-ng", Duration.ofSeconds(20));
    }

    private PromptSynthesizer synthesizer(String espeak, Duration timeout) {
        return new PromptSynthesizer(new PromptSettings(dir.resolve("cache"), "", espeak, "sox", 150, timeout));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageBecomesTelephonyAudioLastingInProportionToItsText(Language language) throws IOException {
        PromptSynthesizer synthesizer = synthesizer();
        String voice = EspeakPrompts.VOICES.get(language);
        String text = texts.text("still-waiting", language);

        TelephonyWav once = TelephonyWav.of(synthesizer.synthesize(voice, text));
        TelephonyWav twice = TelephonyWav.of(synthesizer.synthesize(voice, text + " " + text));

        // Speech at 150 words per minute: roughly 10 to 25 characters a second in any of these languages.
        assertThat(once.seconds() / text.length()).as("%s seconds per character", language).isBetween(0.04, 0.1);
        assertThat(twice.seconds() / once.seconds()).as("%s doubled text", language).isBetween(1.7, 2.3);
    }

    @Test
    void theSameTextIsSynthesisedOnceAndADifferentVoiceOrTextIsAnotherPrompt() throws IOException {
        PromptSynthesizer synthesizer = synthesizer();
        String text = texts.text("greeting", Language.ro, "Acme");
        Path first = synthesizer.synthesize("ro", text);
        FileTime written = Files.getLastModifiedTime(first);

        Path second = synthesizer.synthesize("ro", text);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(written);
        assertThat(synthesizer.synthesisRuns()).isEqualTo(1);
        assertThat(first.getFileName().toString()).matches("[0-9a-f]{32}\\.wav")
                .isEqualTo(synthesizer.id("ro", text) + ".wav");
        assertThat(synthesizer.id("ro", text)).isNotEqualTo(synthesizer.id("en-gb", text))
                .isNotEqualTo(synthesizer.id("ro", text + "!"));
        assertThat(new PromptSynthesizer(new PromptSettings(dir, "", "espeak-ng", "sox", 120, Duration.ofSeconds(5)))
                .id("ro", text)).as("a different speaking rate is different audio").isNotEqualTo(synthesizer.id("ro", text));
    }

    @Test
    void concurrentRequestsForOneTextSynthesiseItOnce() throws Exception {
        PromptSynthesizer synthesizer = synthesizer();
        String text = texts.text("no-agents", Language.cs);
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return synthesizer.synthesize("cs", text);
                }));
            }
            start.countDown();
            Path expected = results.getFirst().get();
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
            TelephonyWav.of(expected);
        } finally {
            pool.shutdownNow();
        }
        assertThat(synthesizer.synthesisRuns()).isEqualTo(1);
        assertThat(cacheFiles()).containsExactly(synthesizer.id("cs", text) + ".wav");
    }

    @Test
    void quotesShellSyntaxAndOptionLookalikesAreSpokenNotExecuted() throws IOException {
        PromptSynthesizer synthesizer = synthesizer();
        Path marker = dir.resolve("injected");
        Path stray = dir.resolve("stray.wav");
        String text = "-w " + stray + " --help It's \"quoted\"; touch " + marker + " && echo `touch " + marker
                + "` $(touch " + marker + ") | cat > " + marker + " <speak>tags</speak> 'single' \\ %s {0}";

        TelephonyWav wav = TelephonyWav.of(synthesizer.synthesize("en-gb", text));

        assertThat(marker).doesNotExist();
        assertThat(stray).doesNotExist();
        // Spoken as words, not swallowed as options: a text this long takes several seconds to say.
        assertThat(wav.seconds()).isGreaterThan(8);
    }

    @Test
    void aDeletedCacheFileIsMadeAgainOnlyForIdsThisProcessSynthesised() throws IOException {
        PromptSynthesizer synthesizer = synthesizer();
        String text = texts.text("unknown-number", Language.kk);
        Path file = synthesizer.synthesize("kk", text);
        String id = synthesizer.id("kk", text);
        byte[] original = Files.readAllBytes(file);
        Files.delete(file);

        assertThat(synthesizer.file(id)).contains(file);

        assertThat(Files.readAllBytes(file)).as("byte-identical, so every node serves the same ETag").isEqualTo(original);
        assertThat(synthesizer.synthesisRuns()).isEqualTo(2);
        assertThat(synthesizer.file(synthesizer.id("kk", "never said"))).isEmpty();
        assertThat(synthesizer.file(id.toUpperCase())).isEmpty();
        assertThat(synthesizer.file("../" + id.substring(3))).isEmpty();
        assertThat(synthesizer.file(null)).isEmpty();
        assertThat(new PromptSynthesizer(new PromptSettings(dir.resolve("cache"), "", "espeak-ng", "sox", 150,
                Duration.ofSeconds(5))).file(id)).as("another instance finds the file on disk").contains(file);
    }

    @Test
    void aMissingToolIsAClearFailureAndLeavesNothingBehind() throws IOException {
        PromptSynthesizer synthesizer = synthesizer("/nonexistent/espeak-ng", Duration.ofSeconds(5));

        assertThatThrownBy(() -> synthesizer.synthesize("en-gb", "Hello"))
                .isInstanceOf(PromptSynthesisException.class)
                .hasMessageContaining("cannot start /nonexistent/espeak-ng")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void aFailingToolReportsItsStatusAndOutputAndIsRetriedNextTime() throws IOException {
        Path failing = script("failing", "echo 'voice not found' >&2\nexit 3");
        PromptSynthesizer synthesizer = synthesizer(failing.toString(), Duration.ofSeconds(5));

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> synthesizer.synthesize("en-gb", "Hello"))
                    .isInstanceOf(PromptSynthesisException.class)
                    .hasMessageContaining("exited with status 3").hasMessageContaining("voice not found");
            assertThat(synthesizer.synthesisRuns()).isEqualTo(attempt);
        }
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void aHangingToolIsStoppedAtTheTimeout() throws IOException {
        Path hanging = script("hanging", "exec sleep 30");
        PromptSynthesizer synthesizer = synthesizer(hanging.toString(), Duration.ofMillis(500));
        long started = System.nanoTime();

        assertThatThrownBy(() -> synthesizer.synthesize("en-gb", "Hello"))
                .isInstanceOf(PromptSynthesisException.class).hasMessageContaining("timed out after 500 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void blankAndOversizedTextsAreRefused() {
        PromptSynthesizer synthesizer = synthesizer();
        assertThatThrownBy(() -> synthesizer.synthesize("en-gb", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> synthesizer.synthesize("en-gb", "a".repeat(PromptSynthesizer.MAX_TEXT_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(synthesizer.synthesisRuns()).isZero();
    }

    private List<String> cacheFiles() throws IOException {
        Path cache = dir.resolve("cache");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private Path script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
