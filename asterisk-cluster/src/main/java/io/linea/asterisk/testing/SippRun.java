package io.linea.asterisk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A sipp process started by {@link Sipp#start()}. */
public final class SippRun implements AutoCloseable {

    /** The statistics file of a {@link Sipp#load() load run}, in the work directory. */
    static final String STATISTICS = "statistics.csv";

    private static final Pattern SEPARATOR = Pattern.compile(
            "^-{20,} (\\d{4}-\\d{2}-\\d{2})[ \\t]+(\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)\\s*$");
    private static final Pattern DIRECTION = Pattern.compile("^\\S+ message (sent|received)\\b.*");
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter();

    private final Process process;
    private final Path workDir;
    private final int localPort;
    private final int mediaPort;
    private SippResult result;

    private SippRun(Process process, Path workDir, int localPort, int mediaPort) {
        this.process = process;
        this.workDir = workDir;
        this.localPort = localPort;
        this.mediaPort = mediaPort;
    }

    static SippRun start(List<String> command, Path workDir, int localPort, int mediaPort) {
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("sipp.out").toFile()).start();
            process.getOutputStream().close();
            return new SippRun(process, workDir, localPort, mediaPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start sipp: " + command, e);
        }
    }

    /** The local SIP port sipp listens on (for a UAS: where the node must send its INVITE). */
    public int localPort() {
        return localPort;
    }

    /** The local RTP port (the one an {@link RtpTap} watches). */
    public int mediaPort() {
        return mediaPort;
    }

    /** Where the scenario, the message trace and sipp's output are. */
    public Path workDir() {
        return workDir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for sipp to end and reads its message trace. A sipp still running after {@code timeout}
     * is stopped and the result has exit code -1.
     */
    public synchronized SippResult await(Duration timeout) {
        if (result != null) {
            return result;
        }
        int exitCode;
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exitCode = process.exitValue();
            } else {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
                exitCode = -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for sipp", e);
        }
        result = new SippResult(exitCode, parse(workDir.resolve("messages.log")), read(workDir.resolve("sipp.out"))
                + read(workDir.resolve("errors.log")));
        return result;
    }

    /** The counters and response times of a {@link Sipp#load() load run}, as far as sipp has written them. */
    public SippStatistics statistics() {
        return SippStatistics.read(workDir);
    }

    /** Stops sipp if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            await(Duration.ZERO);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(could not read " + file + ")";
        }
    }

    /** Parses sipp's {@code -trace_msg} file: a dashed line with the local time, a direction line, the message. */
    static List<SipTrace> parse(Path file) {
        List<SipTrace> traces = new ArrayList<>();
        if (!Files.exists(file)) {
            return traces;
        }
        String[] lines = read(file).replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            Matcher separator = SEPARATOR.matcher(lines[i]);
            if (!separator.matches()) {
                i++;
                continue;
            }
            Instant timestamp = LocalDateTime.parse(separator.group(1) + " " + separator.group(2), TIME)
                    .atZone(ZoneId.systemDefault()).toInstant();
            int next = i + 1;
            while (next < lines.length && !SEPARATOR.matcher(lines[next]).matches()) {
                next++;
            }
            SipTrace trace = block(timestamp, lines, i + 1, next);
            if (trace != null) {
                traces.add(trace);
            }
            i = next;
        }
        return traces;
    }

    private static SipTrace block(Instant timestamp, String[] lines, int from, int to) {
        if (from >= to) {
            return null;
        }
        Matcher direction = DIRECTION.matcher(lines[from]);
        if (!direction.matches()) {
            return null;
        }
        SipTrace.Direction dir = "sent".equals(direction.group(1)) ? SipTrace.Direction.SENT
                : SipTrace.Direction.RECEIVED;
        int i = from + 1;
        while (i < to && lines[i].isBlank()) {
            i++;
        }
        if (i >= to) {
            return null;
        }
        String firstLine = lines[i++].trim();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (; i < to && !lines[i].isBlank(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        StringBuilder body = new StringBuilder();
        for (i++; i < to; i++) {
            body.append(lines[i]).append('\n');
        }
        return new SipTrace(dir, timestamp, firstLine, headers, body.toString().strip());
    }
}
