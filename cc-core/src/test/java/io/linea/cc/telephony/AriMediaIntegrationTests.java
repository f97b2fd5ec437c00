package io.linea.cc.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.linea.asterisk.testing.AsteriskNode;
import io.linea.asterisk.testing.LocalAsterisk;
import io.linea.asterisk.testing.Sipp;
import io.linea.asterisk.testing.SippResult;
import io.linea.asterisk.testing.SippRun;

/**
 * The media plumbing of {@link AriNode} on a real node, without Spring: a carrier caller (sipp on
 * 127.0.0.2) presses keys (ACD-10: a callback is requested by a key) and leaves a voicemail that is
 * recorded, fetched and deleted (IVR-09).
 */
@LocalAsterisk
class AriMediaIntegrationTests {

    private static final String CARRIER_IP = "127.0.0.2";
    private static final String CARRIER = "media-carrier";
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);
    /** One second of the recording: 8 kHz, 16-bit mono. */
    private static final int BYTES_PER_SECOND = 16_000;

    private final AsteriskNode node;
    private final List<SwitchEvent> events = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;
    private AriNode ari;

    AriMediaIntegrationTests(AsteriskNode node) {
        this.node = node;
    }

    @BeforeEach
    void connect() throws InterruptedException {
        node.pushConfig("res_pjsip", "endpoint", CARRIER, Map.of("context", "linea-inbound",
                "allow", "!all,alaw,ulaw", "direct_media", "no", "rtp_symmetric", "yes", "dtmf_mode", "rfc4733"));
        node.pushConfig("res_pjsip", "identify", CARRIER, Map.of("endpoint", CARRIER, "match", CARRIER_IP));
        scheduler = Executors.newSingleThreadScheduledExecutor();
        ari = new AriNode(new TelephonySettings.Node(node.name(), node.ariUrl(), node.ariUser(), node.ariPassword()),
                node.app(), events::add, scheduler, connected -> { }, Clock.systemUTC(), bytes -> { });
        ari.start();
        await(SwitchEvent.NodeConnected.class, e -> true);
    }

    @AfterEach
    void disconnect() {
        ari.close();
        scheduler.shutdownNow();
        node.deleteConfig("res_pjsip", "identify", CARRIER);
        node.deleteConfig("res_pjsip", "endpoint", CARRIER);
    }

    @Test
    void keysArriveAsDigitsAndAVoicemailIsRecordedUntilHashFetchedAndDeleted() throws Exception {
        // 1 half a second after the answer, then about 3 s of speech ended by #, then a second of silence
        Sipp caller = Sipp.scenario("caller").localIp(CARRIER_IP).remote(node.bind(), node.sipPort())
                .service("+18005550190").key("dtmf", "1").key("dtmf_after_ms", "500").key("dtmf_end", "#")
                .key("dtmf_end_after_ms", "3000").key("talk_ms", "1000").timeout(Duration.ofSeconds(40));
        try (SippRun run = caller.start()) {
            String channel = await(SwitchEvent.ChannelEntered.class, e -> true).channelId();
            ari.answer(channel);

            SwitchEvent.DtmfReceived first = await(SwitchEvent.DtmfReceived.class, e -> e.channelId().equals(channel));
            assertThat(first.digit()).isEqualTo('1');
            String name = "vm-" + UUID.randomUUID();
            ari.record(channel, name, 20, 0, false, "#");

            SwitchEvent.RecordingDone done = await(SwitchEvent.RecordingDone.class, e -> e.name().equals(name));
            assertThat(done.failed()).isFalse();
            assertThat(done.durationMs()).as("Asterisk's duration of about 3 s of speech").isBetween(1000L, 5000L);
            await(SwitchEvent.DtmfReceived.class, e -> e.channelId().equals(channel) && e.digit() == '#');
            assertThat(digits(channel)).as("the # that ended the recording is reported too").containsExactly('1', '#');

            byte[] wav = ari.storedRecording(name);
            assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
            ByteBuffer samples = dataChunk(wav);
            assertThat(samples.remaining()).as("more than a second of 8 kHz 16-bit audio")
                    .isGreaterThan(BYTES_PER_SECOND);
            assertThat(peak(samples)).as("the caller's speech, not silence").isGreaterThan(1000);

            ari.deleteStoredRecording(name);
            assertThatThrownBy(() -> ari.storedRecording(name)).isInstanceOf(SwitchException.class)
                    .hasMessageContaining("HTTP 404");

            SippResult result = run.await(Duration.ofSeconds(40));
            assertThat(result.succeeded()).as(result.describe()).isTrue();
            assertThat(result.firstSent("BYE")).as("the caller hung up after the message").isPresent();
        }
    }

    @Test
    void aCallerWhoHangsUpDuringTheMessageLeavesItRecorded() throws Exception {
        // the usual end of a voicemail: no key, the caller hangs up after about 3 s of speech
        Sipp caller = Sipp.scenario("caller").localIp(CARRIER_IP).remote(node.bind(), node.sipPort())
                .service("+18005550191").key("dtmf", "2").key("talk_ms", "3000").timeout(Duration.ofSeconds(40));
        try (SippRun run = caller.start()) {
            String channel = await(SwitchEvent.ChannelEntered.class, e -> true).channelId();
            ari.answer(channel);
            await(SwitchEvent.DtmfReceived.class, e -> e.channelId().equals(channel) && e.digit() == '2');
            String name = "vm-" + UUID.randomUUID();
            ari.record(channel, name, 20, 0, true, "#");

            SwitchEvent.RecordingDone done = await(SwitchEvent.RecordingDone.class, e -> e.name().equals(name));
            assertThat(done.failed()).isFalse();
            // Asterisk reports the hang-up and the recording's end in the same millisecond, in either order
            await(SwitchEvent.ChannelHangingUp.class, e -> e.channelId().equals(channel));
            ByteBuffer samples = dataChunk(ari.storedRecording(name));
            assertThat(samples.remaining()).isGreaterThan(BYTES_PER_SECOND);
            ari.deleteStoredRecording(name);
            SippResult result = run.await(Duration.ofSeconds(40));
            assertThat(result.succeeded()).as(result.describe()).isTrue();
        }
    }

    @Test
    void everyKeyPressArrivesOnceInOrderAlsoARepeatedKey() throws Exception {
        // e.g. a callback number typed in (ACD-10): a repeated key must not collapse into one
        Sipp caller = Sipp.scenario("caller").localIp(CARRIER_IP).remote(node.bind(), node.sipPort())
                .service("+18005550192").key("dtmf", "0772*#").key("talk_ms", "500").timeout(Duration.ofSeconds(40));
        try (SippRun run = caller.start()) {
            String channel = await(SwitchEvent.ChannelEntered.class, e -> true).channelId();
            ari.answer(channel);
            await(SwitchEvent.DtmfReceived.class, e -> e.channelId().equals(channel) && e.digit() == '#');

            assertThat(digits(channel)).containsExactly('0', '7', '7', '2', '*', '#');
            SippResult result = run.await(Duration.ofSeconds(40));
            assertThat(result.succeeded()).as(result.describe()).isTrue();
        }
    }

    @Test
    void unsafeRecordingNamesAreRefusedBeforeAnyRequest() {
        String tooLong = "a".repeat(129);
        for (String name : new String[] { "../../etc/asterisk", "a/b", "a b", "%2e%2e", "vm.wav", "", tooLong }) {
            assertThatThrownBy(() -> ari.record("no-such-channel", name, 10, 0, false, "#"))
                    .as(name).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ari.storedRecording(name)).as(name).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ari.deleteStoredRecording(name)).as(name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ari.storedRecording(null)).isInstanceOf(IllegalArgumentException.class);
        // a safe name does reach the node, which has no such recording
        assertThatThrownBy(() -> ari.storedRecording("vm-none_" + UUID.randomUUID()))
                .isInstanceOf(SwitchException.class).hasMessageContaining("HTTP 404");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private List<Character> digits(String channel) {
        return events.stream().filter(SwitchEvent.DtmfReceived.class::isInstance)
                .map(SwitchEvent.DtmfReceived.class::cast).filter(e -> e.channelId().equals(channel))
                .map(SwitchEvent.DtmfReceived::digit).toList();
    }

    /** The samples of the WAV file's data chunk, found by walking the chunks after the RIFF header. */
    private static ByteBuffer dataChunk(byte[] wav) {
        ByteBuffer buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int position = 12;
        while (position + 8 <= wav.length) {
            String id = new String(wav, position, 4, StandardCharsets.US_ASCII);
            int size = buffer.getInt(position + 4);
            if (id.equals("data")) {
                return buffer.slice(position + 8, Math.min(size, wav.length - position - 8))
                        .order(ByteOrder.LITTLE_ENDIAN);
            }
            position += 8 + size + (size & 1);
        }
        throw new AssertionError("no data chunk in a WAV file of " + wav.length + " bytes");
    }

    private static int peak(ByteBuffer samples) {
        int peak = 0;
        for (int i = 0; i + 1 < samples.limit(); i += 2) {
            peak = Math.max(peak, Math.abs(samples.getShort(i)));
        }
        return peak;
    }

    private <T extends SwitchEvent> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (SwitchEvent event : events) {
                if (type.isInstance(event) && match.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + EVENT_TIMEOUT + "; received " + events);
    }
}
