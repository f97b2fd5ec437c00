package io.linea.cc.prompt;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns text into a telephony WAV (8 kHz, mono, 16-bit signed PCM) with espeak-ng and sox, cached on disk
 * under a content id. Each id is synthesised at most once at a time: concurrent callers share one future.
 */
final class PromptSynthesizer {

    static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    static final int MAX_TEXT_LENGTH = 2000;

    private static final Logger log = LoggerFactory.getLogger(PromptSynthesizer.class);
    private static final int OUTPUT_TAIL = 500;

    private final PromptSettings settings;
    /** What each id synthesised by this process says, so a cache file deleted meanwhile can be made again. */
    private final Map<String, Speech> known = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Path>> running = new ConcurrentHashMap<>();
    private final AtomicInteger synthesisRuns = new AtomicInteger();

    PromptSynthesizer(PromptSettings settings) {
        this.settings = settings;
    }

    /**
     * The cache id of a text in a voice. The "voice" hashed is the whole recipe (voice, rate, conversion), so
     * a cache directory that outlives a change of settings or of this code never serves the old audio.
     */
    String id(String voice, String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((voiceKey(voice) + "\n" + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The cached WAV for the text, synthesised first if it is not on disk. */
    Path synthesize(String voice, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A prompt needs some text to speak");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    "A prompt is at most " + MAX_TEXT_LENGTH + " characters, got " + text.length());
        }
        String id = id(voice, text);
        Speech speech = new Speech(voice, text);
        known.putIfAbsent(id, speech);
        return ensure(id, speech);
    }

    /** The WAV for an id if it is cached, or re-made if this process synthesised it before. */
    Optional<Path> file(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = fileOf(id);
        if (Files.isRegularFile(file)) {
            return Optional.of(file);
        }
        Speech speech = known.get(id);
        return speech == null ? Optional.empty() : Optional.of(ensure(id, speech));
    }

    /** How many times espeak-ng was started; lets tests prove a prompt is synthesised once. */
    int synthesisRuns() {
        return synthesisRuns.get();
    }

    private Path fileOf(String id) {
        return settings.cacheDir().resolve(id + ".wav");
    }

    private String voiceKey(String voice) {
        return "espeak-ng -v " + voice + " -s " + settings.speed() + " | sox -D -r 8000 -c 1 -b 16";
    }

    private Path ensure(String id, Speech speech) {
        Path file = fileOf(id);
        if (Files.isRegularFile(file)) {
            return file;
        }
        CompletableFuture<Path> mine = new CompletableFuture<>();
        CompletableFuture<Path> theirs = running.putIfAbsent(id, mine);
        if (theirs != null) {
            return await(theirs);
        }
        try {
            // Another thread may have finished and removed its future between our check and putIfAbsent.
            if (!Files.isRegularFile(file)) {
                make(id, speech, file);
            }
            mine.complete(file);
            return file;
        } catch (PromptSynthesisException e) {
            mine.completeExceptionally(e);
            throw e;
        } catch (RuntimeException e) {
            PromptSynthesisException failure = failed(id, "unexpected failure: " + e);
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            running.remove(id, mine);
        }
    }

    private static Path await(CompletableFuture<Path> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void make(String id, Speech speech, Path file) {
        Path dir = settings.cacheDir();
        Path spoken = null;
        Path telephony = null;
        Path output = null;
        try {
            Files.createDirectories(dir);
            spoken = Files.createTempFile(dir, ".espeak-" + id + "-", ".wav");
            telephony = Files.createTempFile(dir, ".sox-" + id + "-", ".wav");
            output = Files.createTempFile(dir, ".out-" + id + "-", ".log");
            long started = System.nanoTime();
            synthesisRuns.incrementAndGet();
            // The text goes in on stdin as UTF-8: never through a shell, never parsed as an option, and
            // independent of the JVM's locale, which would turn Cyrillic arguments into '?' under LANG=C.
            run(id, List.of(settings.espeakCommand(), "--stdin", "-b", "1", "-v", speech.voice(), "-s",
                    Integer.toString(settings.speed()), "-w", spoken.toString()),
                    speech.text().getBytes(StandardCharsets.UTF_8), output);
            // No dither (-D): sox would add random noise, and every node must make byte-identical files so
            // that Asterisk's ETag revalidation works whichever node answers.
            run(id, List.of(settings.soxCommand(), "-q", "-D", spoken.toString(), "-r", "8000", "-c", "1", "-b", "16",
                    "-e", "signed-integer", "-t", "wav", telephony.toString()), null, output);
            WavFormat format = WavFormat.read(telephony);
            if (!format.isTelephony() || format.dataBytes() == 0) {
                throw failed(id, "sox produced " + format + " instead of 8000 Hz mono 16-bit PCM");
            }
            move(telephony, file);
            log.info("Prompt {} synthesised ({} voice, {} ms of audio) in {} ms", id, speech.voice(),
                    format.durationMillis(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (IOException e) {
            throw failed(id, "cannot write the prompt cache in " + dir + ": " + e.getMessage());
        } finally {
            deleteQuietly(spoken);
            deleteQuietly(telephony);
            deleteQuietly(output);
        }
    }

    private void run(String id, List<String> command, byte[] input, Path output) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(settings.cacheDir().toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw failed(id, "cannot start " + command.getFirst() + ": " + e.getMessage());
        }
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input);
            }
        } catch (IOException e) {
            // The process closed its input early; its exit status says whether that was a failure.
        }
        try {
            if (!process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw failed(id, command.getFirst() + " timed out after " + settings.timeout().toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw failed(id, "interrupted while waiting for " + command.getFirst());
        }
        if (process.exitValue() != 0) {
            throw failed(id, command.getFirst() + " exited with status " + process.exitValue() + ": " + tail(output));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on odd file systems; a reader may then see a partial file.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String tail(Path output) {
        try {
            String text = Files.readString(output, StandardCharsets.UTF_8).strip();
            String tail = text.length() > OUTPUT_TAIL ? "…" + text.substring(text.length() - OUTPUT_TAIL) : text;
            return tail.isEmpty() ? "(no output)" : tail;
        } catch (IOException | RuntimeException e) {
            return "(output unreadable)";
        }
    }

    private static PromptSynthesisException failed(String id, String reason) {
        PromptSynthesisException failure = new PromptSynthesisException("Prompt " + id + " not synthesised: " + reason);
        log.error(failure.getMessage());
        return failure;
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.warn("Cannot delete temporary prompt file {}: {}", path, e.getMessage());
            }
        }
    }

    record Speech(String voice, String text) {
    }
}
