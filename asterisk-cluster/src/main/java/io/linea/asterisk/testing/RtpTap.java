package io.linea.asterisk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Proves media flows: counts UDP packets from and to given ports on the loopback interface with
 * tcpdump or tshark (a capture filter on the ports, so nothing else is recorded). Needs root.
 * <pre>
 * try (RtpTap tap = RtpTap.start(caller.mediaPort())) {
 *     ... the call ...
 *     RtpCounts counts = tap.stop();
 *     assertThat(counts.sentFrom(port)).isPositive();
 * }
 * </pre>
 */
public final class RtpTap implements AutoCloseable {

    /** Packets counted per port: sent from it and received on it. */
    public record RtpCounts(Map<Integer, Long> sent, Map<Integer, Long> received) {

        public RtpCounts {
            sent = Map.copyOf(sent);
            received = Map.copyOf(received);
        }

        /** Packets whose source port was {@code port}. */
        public long sentFrom(int port) {
            return sent.getOrDefault(port, 0L);
        }

        /** Packets whose destination port was {@code port}. */
        public long receivedOn(int port) {
            return received.getOrDefault(port, 0L);
        }
    }

    // tcpdump -q: "IP 127.0.0.2.40000 > 127.0.0.1.30002: UDP, length 172"; tshark -T fields: "40000\t30002".
    private static final Pattern TCPDUMP = Pattern.compile(".* IP6? \\S+?\\.(\\d+) > \\S+?\\.(\\d+): .*");
    private static final Pattern TSHARK = Pattern.compile("^(\\d+)\\s+(\\d+)\\s*$");

    private final Process process;
    private final List<Integer> ports;
    private final Map<Integer, AtomicLong> sent = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> received = new ConcurrentHashMap<>();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final StringBuilder diagnostics = new StringBuilder();
    private final Thread reader;
    private RtpCounts counts;

    private RtpTap(Process process, List<Integer> ports) {
        this.process = process;
        this.ports = ports;
        ports.forEach(port -> {
            sent.put(port, new AtomicLong());
            received.put(port, new AtomicLong());
        });
        this.reader = Thread.ofPlatform().daemon().name("rtp-tap").start(this::read);
    }

    /** Starts counting packets from and to {@code ports} on {@code lo}; returns once capturing. */
    public static RtpTap start(int... ports) {
        if (ports.length == 0) {
            throw new IllegalArgumentException("give at least one port");
        }
        List<Integer> list = Arrays.stream(ports).boxed().toList();
        String filter = "udp and (" + list.stream().map(port -> "port " + port).collect(Collectors.joining(" or "))
                + ")";
        List<String> command = command(filter);
        RtpTap tap;
        try {
            tap = new RtpTap(new ProcessBuilder(command).redirectErrorStream(true).start(), list);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.getFirst(), e);
        }
        tap.awaitListening();
        return tap;
    }

    /** Counts for {@code period}, then stops. */
    public static RtpCounts capture(Duration period, int... ports) {
        try (RtpTap tap = start(ports)) {
            Thread.sleep(period.toMillis());
            return tap.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while capturing", e);
        }
    }

    private static List<String> command(String filter) {
        for (String tcpdump : List.of("/usr/bin/tcpdump", "/usr/sbin/tcpdump")) {
            if (Files.isExecutable(Path.of(tcpdump))) {
                return List.of(tcpdump, "-i", "lo", "-n", "-l", "-q", "-U", filter);
            }
        }
        if (Files.isExecutable(Path.of("/usr/bin/tshark"))) {
            return List.of("/usr/bin/tshark", "-i", "lo", "-n", "-l", "-f", filter, "-T", "fields", "-e",
                    "udp.srcport", "-e", "udp.dstport");
        }
        throw new IllegalStateException("neither tcpdump nor tshark is installed: apt-get install -y tcpdump "
                + "(./linea test does this when run as root)");
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher packet = TCPDUMP.matcher(line);
                if (!packet.matches()) {
                    packet = TSHARK.matcher(line);
                }
                if (packet.matches()) {
                    count(Integer.parseInt(packet.group(1)), Integer.parseInt(packet.group(2)));
                } else {
                    if (line.contains("listening on") || line.contains("Capturing on")) {
                        listening.countDown();
                    }
                    synchronized (diagnostics) {
                        if (diagnostics.length() < 4000) {
                            diagnostics.append(line).append('\n');
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the capture was stopped
        } finally {
            listening.countDown();
        }
    }

    private void count(int source, int destination) {
        AtomicLong from = sent.get(source);
        if (from != null) {
            from.incrementAndGet();
        }
        AtomicLong to = received.get(destination);
        if (to != null) {
            to.incrementAndGet();
        }
    }

    private void awaitListening() {
        try {
            if (!listening.await(15, TimeUnit.SECONDS) || !process.isAlive()) {
                process.destroyForcibly();
                throw new IllegalStateException("the packet capture did not start (needs root):\n" + diagnostics());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while starting the capture", e);
        }
    }

    /** Stops capturing and returns the counts (the same counts on every later call). */
    public synchronized RtpCounts stop() {
        if (counts == null) {
            // Let packets already on the wire reach the capture before it ends.
            try {
                Thread.sleep(200);
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            counts = new RtpCounts(snapshot(sent), snapshot(received));
        }
        return counts;
    }

    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** What the capture tool printed besides packets (for assertion messages). */
    public String diagnostics() {
        synchronized (diagnostics) {
            return diagnostics.toString();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static Map<Integer, Long> snapshot(Map<Integer, AtomicLong> counters) {
        return counters.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    @Override
    public String toString() {
        return "RtpTap" + new ArrayList<>(ports);
    }
}
