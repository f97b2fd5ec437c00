package io.linea.asterisk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a {@link Sipp#load() load run} counted: sipp's cumulative call counters from its statistics
 * file ({@code -trace_stat}), the most calls it had at once, and every call's response time
 * ({@code -trace_rtt}: for a caller, INVITE to 200 OK, the step marked {@code rtd="true"}).
 */
public record SippStatistics(long created, long successful, long failed, long peakConcurrent,
        double[] responseMillis) {

    /** Reads the files sipp wrote in {@code workDir}; counters are zero when sipp wrote no statistics line. */
    public static SippStatistics read(Path workDir) {
        long created = 0;
        long successful = 0;
        long failed = 0;
        long peak = 0;
        Path stats = workDir.resolve(SippRun.STATISTICS);
        if (Files.exists(stats)) {
            List<String> lines = lines(stats);
            if (!lines.isEmpty()) {
                List<String> header = Arrays.asList(lines.get(0).split(";"));
                int createdAt = header.indexOf("TotalCallCreated");
                int successfulAt = header.indexOf("SuccessfulCall(C)");
                int failedAt = header.indexOf("FailedCall(C)");
                int currentAt = header.indexOf("CurrentCall");
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.split(";");
                    if (fields.length <= Math.max(Math.max(createdAt, successfulAt), Math.max(failedAt, currentAt))) {
                        continue;
                    }
                    created = Math.max(created, number(fields[createdAt]));
                    successful = Math.max(successful, number(fields[successfulAt]));
                    failed = Math.max(failed, number(fields[failedAt]));
                    peak = Math.max(peak, number(fields[currentAt]));
                }
            }
        }
        List<Double> times = new ArrayList<>();
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path rtt : files.filter(f -> f.getFileName().toString().endsWith("_rtt.csv")).toList()) {
                for (String line : lines(rtt)) {
                    String[] fields = line.split(";");
                    if (fields.length >= 2 && !fields[1].isBlank() && Character.isDigit(fields[1].trim().charAt(0))) {
                        times.add(Double.parseDouble(fields[1].trim()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + workDir, e);
        }
        return new SippStatistics(created, successful, failed, peak,
                times.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    /** The response time at quantile {@code q} (0.99 for p99), nearest rank; NaN without any. */
    public double responsePercentile(double q) {
        if (responseMillis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * responseMillis.length);
        return responseMillis[Math.min(responseMillis.length, Math.max(1, rank)) - 1];
    }

    private static long number(String field) {
        try {
            return Long.parseLong(field.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    @Override
    public String toString() {
        return "created " + created + ", successful " + successful + ", failed " + failed + ", peak " + peakConcurrent
                + ", response p50 " + responsePercentile(0.5) + " ms, p99 " + responsePercentile(0.99) + " ms";
    }
}
