package io.linea.asterisk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs one of the bundled sipp scenarios as a process (sipp 3.6, Debian's {@code sip-tester}).
 * <ul>
 * <li>{@code caller}: INVITE offering PCMA/PCMU and telephone-event to the service, 200, ACK, waits
 * {@code audio_after_ms} (0), plays a G.711 A-law capture of about 7 s, hangs up {@code talk_ms} later
 * (or takes the far end's BYE). Keys: from_user, talk_ms, audio_after_ms. With {@code dtmf} (keys such
 * as {@code 1#}, from 0-9, * and #) it presses those keys as RFC 4733 events {@code dtmf_after_ms} (500)
 * after the answer, before the wait for the audio; with {@code dtmf_end} it presses those keys
 * {@code dtmf_end_after_ms} (2000) after the capture started, which ends the capture, and talk_ms counts
 * from there. Each key press takes {@link #KEY_PRESS} (Debian's {@code dtmf_2833_*.pcap} captures).</li>
 * <li>{@code caller-cancel}: INVITE, CANCEL after {@code cancel_after_ms} of ringing, expects 487.</li>
 * <li>{@code caller-rejected}: INVITE answered by any 4xx/5xx/6xx (waits for {@code status}), ACK.</li>
 * <li>{@code answer}: UAS; 180, answers after {@code ring_ms} with PCMA, echoes RTP, takes the BYE
 * (or sends one after {@code talk_ms} when that is not 0). Also a carrier receiving outbound calls.</li>
 * <li>{@code reject}: UAS; 180, then {@code status} {@code reason} (486 Busy Here) after {@code ring_ms}.</li>
 * <li>{@code no-answer}: UAS; 180 until CANCEL, then 200 and 487.</li>
 * <li>{@code register}: REGISTER as {@code user}/{@code password} with digest auth, {@code expires}
 * (0 unregisters); the final status is in the trace.</li>
 * </ul>
 * Keys are substituted into the scenario before sipp reads it (so they work in timeouts and pauses)
 * and are passed with {@code -key} as well. Local SIP and media ports default to free ones.
 */
public final class Sipp {

    public static final Set<String> SCENARIOS = Set.of("caller", "caller-cancel", "caller-rejected", "answer", "reject",
            "no-answer", "register");

    private static final Map<String, Map<String, String>> DEFAULT_KEYS = Map.of(
            "caller", Map.of("from_user", "sipp", "talk_ms", "2000", "audio_after_ms", "0", "dtmf_after_ms", "500",
                    "dtmf_end_after_ms", "2000"),
            "caller-cancel", Map.of("from_user", "sipp", "cancel_after_ms", "1000"),
            "caller-rejected", Map.of("from_user", "sipp", "status", "404"),
            "answer", Map.of("ring_ms", "500", "talk_ms", "0"),
            "reject", Map.of("ring_ms", "500", "status", "486", "reason", "Busy Here"),
            "no-answer", Map.of(),
            "register", Map.of("expires", "3600"));

    private static final Path PCAP = Path.of("/usr/share/sip-tester/g711a.pcap");
    private static final Path SIP_TESTER = PCAP.getParent();

    /**
     * How long one key press takes in the caller scenario: a capture is 140 ms of one RFC 4733 event
     * and its three end packets; the rest is a gap before the next key.
     */
    public static final Duration KEY_PRESS = Duration.ofMillis(300);

    /**
     * Where the key presses' RTP timestamps (8 kHz: one second apart) and sequence numbers start and
     * how far apart they are, see {@link #keyPress}; the sequence numbers are well away from the speech
     * capture's (59133 on).
     */
    private static final int PRESS_TIMESTAMP_START = 160_000;
    private static final int PRESS_TIMESTAMP_STEP = 8000;
    private static final int PRESS_SEQUENCE_START = 20_000;
    private static final int PRESS_SEQUENCE_STEP = 100;

    private final String scenario;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private String localIp = "127.0.0.1";
    private int localPort;
    private int mediaPort;
    private String remoteHost;
    private int remotePort = 5060;
    private String service;
    private int calls = 1;
    private Duration timeout = Duration.ofSeconds(30);
    private boolean rtpEcho;
    private int rate;
    private int limit;
    private boolean load;

    private Sipp(String scenario) {
        this.scenario = scenario;
        keys.putAll(DEFAULT_KEYS.get(scenario));
        rtpEcho = "answer".equals(scenario);
    }

    /** A builder for one of {@link #SCENARIOS}. */
    public static Sipp scenario(String name) {
        if (!SCENARIOS.contains(name)) {
            throw new IllegalArgumentException("unknown sipp scenario '" + name + "'; bundled: " + SCENARIOS);
        }
        return new Sipp(name);
    }

    /** The local address ({@code -i}); simulated carriers use their own, e.g. 127.0.0.2. */
    public Sipp localIp(String ip) {
        this.localIp = ip;
        return this;
    }

    /** The local SIP port ({@code -p}); a free one when not set. */
    public Sipp localPort(int port) {
        this.localPort = port;
        return this;
    }

    /** The local RTP port ({@code -mp}); a free even one when not set. */
    public Sipp mediaPort(int port) {
        this.mediaPort = port;
        return this;
    }

    /** Where a UAC scenario sends its requests; UAS scenarios need no remote. */
    public Sipp remote(String host, int port) {
        this.remoteHost = host;
        this.remotePort = port;
        return this;
    }

    /** The Request-URI user of a UAC scenario ({@code -s}), e.g. the dialled number. */
    public Sipp service(String value) {
        this.service = value;
        return this;
    }

    public Sipp key(String name, String value) {
        keys.put(name, value);
        return this;
    }

    /** How many calls sipp makes or takes ({@code -m}); 1 by default. */
    public Sipp calls(int count) {
        this.calls = count;
        return this;
    }

    /** sipp's own global timeout ({@code -timeout}, failing the run when reached); 30 s by default. */
    public Sipp timeout(Duration value) {
        this.timeout = value;
        return this;
    }

    /** New calls per second ({@code -r}, UAC scenarios); sipp's default of 10 when not set. */
    public Sipp rate(int callsPerSecond) {
        this.rate = callsPerSecond;
        return this;
    }

    /** At most this many calls at once ({@code -l}); sipp's default when not set. */
    public Sipp limit(int concurrentCalls) {
        this.limit = concurrentCalls;
        return this;
    }

    /**
     * A load run: no per-message trace (too slow for thousands of calls) but sipp's statistics file
     * every second and every call's response time, read by {@link SippRun#statistics()}.
     */
    public Sipp load() {
        this.load = true;
        return this;
    }

    /** Echo received RTP back ({@code -rtp_echo}); on by default for {@code answer}. */
    public Sipp rtpEcho(boolean enabled) {
        this.rtpEcho = enabled;
        return this;
    }

    /** The local SIP port, chosen now (a free one) when none was set. */
    public int localPort() {
        if (localPort == 0) {
            localPort = freeUdpPort(localIp, false);
        }
        return localPort;
    }

    /** The local RTP port, chosen now (a free even one) when none was set: the port to give {@link RtpTap}. */
    public int mediaPort() {
        if (mediaPort == 0) {
            mediaPort = freeUdpPort(localIp, true);
        }
        return mediaPort;
    }

    public String localIp() {
        return localIp;
    }

    /** Starts sipp; the scenario, the A-law capture and the key presses are written to a fresh working directory. */
    public SippRun start() {
        Path sipp = executable();
        Path dir;
        try {
            dir = Files.createTempDirectory("linea-sipp-" + scenario + "-");
            Files.writeString(dir.resolve(scenario + ".xml"), renderScenario(), StandardCharsets.ISO_8859_1);
            if (!Files.isReadable(PCAP)) {
                throw new IllegalStateException(PCAP + " is missing: install Debian's sip-tester package "
                        + "(apt-get install -y sip-tester)");
            }
            Files.copy(PCAP, dir.resolve("g711a.pcap"));
            for (KeyPress press : keyPresses()) {
                byte[] capture = Files.readAllBytes(SIP_TESTER.resolve(press.capture()));
                Files.write(dir.resolve(press.file()), keyPress(capture, press.index()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the sipp scenario " + scenario, e);
        }
        List<String> command = new ArrayList<>(List.of(sipp.toString(), "-sf", scenario + ".xml",
                "-i", localIp, "-p", Integer.toString(localPort()),
                "-mp", Integer.toString(mediaPort()),
                "-m", Integer.toString(calls), "-nostdin", "-aa",
                "-timeout", timeout.toMillis() + "ms", "-timeout_error",
                "-trace_err", "-error_file", dir.resolve("errors.log").toString()));
        if (load) {
            command.addAll(List.of("-trace_stat", "-stf", dir.resolve(SippRun.STATISTICS).toString(), "-fd", "1",
                    "-trace_rtt", "-rtt_freq", "1"));
        } else {
            command.addAll(List.of("-trace_msg", "-message_file", dir.resolve("messages.log").toString()));
        }
        if (rate > 0) {
            command.addAll(List.of("-r", Integer.toString(rate), "-rp", "1000"));
        }
        if (limit > 0) {
            command.addAll(List.of("-l", Integer.toString(limit)));
        }
        if (service != null) {
            command.addAll(List.of("-s", service));
        }
        if (rtpEcho) {
            command.add("-rtp_echo");
        }
        keys.forEach((name, value) -> command.addAll(List.of("-key", name, value)));
        if (remoteHost != null) {
            command.add(remoteHost + ":" + remotePort);
        }
        return SippRun.start(command, dir, localPort, mediaPort);
    }

    /** Starts sipp and waits for it: its own timeout plus ten seconds. */
    public SippResult run() {
        return start().await(timeout.plusSeconds(10));
    }

    String renderScenario() throws IOException {
        String xml;
        try (InputStream in = Sipp.class.getResourceAsStream("sipp/" + scenario + ".xml")) {
            if (in == null) {
                throw new IllegalStateException("scenario resource sipp/" + scenario + ".xml is missing");
            }
            xml = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        // before the keys: the presses use [dtmf_after_ms] and [dtmf_end_after_ms]
        List<KeyPress> presses = keyPresses();
        int first = keys.getOrDefault("dtmf", "").length();
        xml = xml.replace("[dtmf_presses]", steps(presses.subList(0, first), "[dtmf_after_ms]"))
                .replace("[dtmf_end_presses]", steps(presses.subList(first, presses.size()), "[dtmf_end_after_ms]"));
        for (Map.Entry<String, String> key : keys.entrySet()) {
            xml = xml.replace("[" + key.getKey() + "]", key.getValue());
        }
        return xml;
    }

    /** One key press of the caller scenario: Debian's capture of the key, played from a file of its own. */
    record KeyPress(int index, String capture) {
        String file() {
            return "key" + index + "-" + capture;
        }
    }

    /** The presses of the {@code dtmf} keys, then of the {@code dtmf_end} keys. */
    private List<KeyPress> keyPresses() {
        String digits = keys.getOrDefault("dtmf", "") + keys.getOrDefault("dtmf_end", "");
        List<KeyPress> presses = new ArrayList<>();
        for (char digit : digits.toCharArray()) {
            String name = switch (digit) {
                case '*' -> "star";
                case '#' -> "pound";
                default -> {
                    if (digit < '0' || digit > '9') {
                        throw new IllegalArgumentException("DTMF key '" + digit + "' in '" + digits
                                + "': the captures cover 0-9, * and #");
                    }
                    yield String.valueOf(digit);
                }
            };
            presses.add(new KeyPress(presses.size(), "dtmf_2833_" + name + ".pcap"));
        }
        return presses;
    }

    /** Scenario steps playing {@code presses} after a pause of {@code pause} ms; nothing for no presses. */
    private static String steps(List<KeyPress> presses, String pause) {
        if (presses.isEmpty()) {
            return "";
        }
        StringBuilder steps = new StringBuilder("<pause milliseconds=\"" + pause + "\"/>\n");
        for (KeyPress press : presses) {
            steps.append("  <nop><action><exec play_pcap_audio=\"").append(press.file())
                    .append("\"/></action></nop>\n")
                    .append("  <pause milliseconds=\"").append(KEY_PRESS.toMillis()).append("\"/>\n");
        }
        return steps.toString();
    }

    /**
     * The capture of the {@code index}th key press. Debian's DTMF captures come from one recorded call:
     * each carries the RTP timestamp and sequence numbers it had there (the 2 before the 7), and sipp
     * sends them unchanged. Asterisk drops an event whose timestamp is not after the last event's end,
     * so a repeated key, or a 2 after a 7, would not arrive. Each press gets timestamps and sequence
     * numbers after the previous press's, the spacing within the capture kept (pcap of Ethernet, IPv4,
     * UDP, RTP; the SSRC is the same in all of them).
     */
    static byte[] keyPress(byte[] pcap, int index) {
        byte[] copy = pcap.clone();
        ByteBuffer header = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        if (header.getInt(0) != 0xa1b2c3d4) {
            header.order(ByteOrder.BIG_ENDIAN);
        }
        if (header.getInt(0) != 0xa1b2c3d4 || header.getInt(20) != 1) {
            throw new IllegalArgumentException("not a pcap file of Ethernet frames");
        }
        ByteBuffer packets = ByteBuffer.wrap(copy); // network byte order
        int firstSequence = -1;
        int firstTimestamp = 0;
        for (int record = 24; record + 16 <= copy.length; record += 16 + header.getInt(record + 8)) {
            int ip = record + 16 + 14;
            int rtp = ip + (packets.get(ip) & 0x0f) * 4 + 8;
            int sequence = packets.getShort(rtp + 2) & 0xffff;
            int timestamp = packets.getInt(rtp + 4);
            if (firstSequence < 0) {
                firstSequence = sequence;
                firstTimestamp = timestamp;
            }
            packets.putShort(rtp + 2, (short) (PRESS_SEQUENCE_START + index * PRESS_SEQUENCE_STEP
                    + sequence - firstSequence));
            packets.putInt(rtp + 4, PRESS_TIMESTAMP_START + index * PRESS_TIMESTAMP_STEP + timestamp - firstTimestamp);
        }
        return copy;
    }

    private static Path executable() {
        for (String candidate : List.of("/usr/bin/sipp", "/usr/local/bin/sipp")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "sipp"))) {
                return Path.of(dir, "sipp");
            }
        }
        throw new IllegalStateException("sipp is not installed: apt-get install -y sip-tester (./linea test does this "
                + "when run as root)");
    }

    /**
     * Ports handed out in this JVM (a SIP port, or an RTP block of four: audio, RTCP, video, its RTCP). A port
     * is free when probed but taken only when sipp starts, so without this two sipp processes started together
     * could be given overlapping ports (sipp then exits with "Address already in use").
     */
    private static final java.util.Set<Integer> ISSUED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A UDP port free on {@code ip}; for RTP an even one whose next three (RTCP, video, its RTCP) are free too. */
    static synchronized int freeUdpPort(String ip, boolean rtp) {
        if (ISSUED.size() > 6000) {
            ISSUED.clear(); // the earliest sipp runs have long ended
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int width = rtp ? 4 : 1;
        for (int attempt = 0; attempt < 400; attempt++) {
            int port = 40000 + random.nextInt(10000 - 4);
            if (rtp) {
                port &= ~1;
            }
            boolean free = true;
            for (int p = port; p < port + width && free; p++) {
                free = !ISSUED.contains(p) && udpFree(ip, p);
            }
            if (free) {
                for (int p = port; p < port + width; p++) {
                    ISSUED.add(p);
                }
                return port;
            }
        }
        throw new IllegalStateException("no free UDP port found on " + ip);
    }

    private static boolean udpFree(String ip, int port) {
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(ip), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
