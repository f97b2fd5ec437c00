package io.linea.asterisk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * TEL-01: a carrier (sipp on 127.0.0.2, matched by a pushed identify) reaches the Linea Stasis app
 * with the dialled number, media flows both ways, ARI can refuse a call with a SIP status, and
 * calls originated over ARI reach a sipp UAS that answers, rejects or never answers.
 */
@LocalAsterisk
class CallIntegrationTests {

    private static final String CARRIER_IP = "127.0.0.2";
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(15);

    private final AsteriskNode node;
    private AriEvents events;

    CallIntegrationTests(AsteriskNode node) {
        this.node = node;
    }

    @BeforeEach
    void carrierTrunk() throws Exception {
        node.pushConfig("res_pjsip", "endpoint", "carrier", Map.of("context", "linea-inbound",
                "allow", "!all,alaw,ulaw", "direct_media", "no", "rtp_symmetric", "yes"));
        node.pushConfig("res_pjsip", "identify", "carrier", Map.of("endpoint", "carrier", "match", CARRIER_IP));
        events = AriEvents.connect(node);
    }

    @AfterEach
    void cleanUp() {
        events.close();
        node.deleteConfig("res_pjsip", "identify", "carrier");
        node.deleteConfig("res_pjsip", "endpoint", "carrier");
    }

    @Test
    void inboundCallReachesStasisWithTheDialledNumberAndCarriesMediaBothWays() throws Exception {
        Sipp caller = Sipp.scenario("caller").localIp(CARRIER_IP).remote(node.bind(), node.sipPort())
                .service("+18005550100").key("from_user", "+40211234567").key("talk_ms", "3000");
        try (RtpTap tap = RtpTap.start(caller.mediaPort()); SippRun run = caller.start()) {
            JsonNode start = events.await("StasisStart", null, EVENT_TIMEOUT);
            String channel = start.path("channel").path("id").asString();

            assertThat(args(start)).containsExactly("inbound", "+18005550100");
            assertThat(start.path("channel").path("caller").path("number").asString()).isEqualTo("+40211234567");
            assertThat(node.ariRequest("POST", "/channels/" + channel + "/answer", null).statusCode()).isEqualTo(204);
            assertThat(node.ariRequest("POST", "/channels/" + channel + "/play?media=sound:hello-world", null)
                    .statusCode()).isEqualTo(201);

            SippResult result = run.await(Duration.ofSeconds(30));
            RtpTap.RtpCounts counts = tap.stop();

            assertThat(result.succeeded()).as(result.describe()).isTrue();
            assertThat(result.firstReceived("SIP/2.0 200").orElseThrow().body()).contains("PCMA/8000");
            assertThat(result.firstSent("BYE")).as("the caller hung up after talking").isPresent();
            events.await("StasisEnd", channel, EVENT_TIMEOUT);
            assertThat(counts.sentFrom(caller.mediaPort())).as("RTP sent by the caller").isPositive();
            assertThat(counts.receivedOn(caller.mediaPort())).as("RTP received by the caller").isPositive();
        }
    }

    @Test
    void ariHangupWithCauseUnallocatedRefusesTheCallWith404() throws Exception {
        SippRun run = Sipp.scenario("caller-rejected").localIp(CARRIER_IP).remote(node.bind(), node.sipPort())
                .service("+18005550101").key("status", "404").start();

        JsonNode start = events.await("StasisStart", null, EVENT_TIMEOUT);
        assertThat(args(start)).containsExactly("inbound", "+18005550101");
        assertThat(node.ariRequest("DELETE", "/channels/" + start.path("channel").path("id").asString()
                + "?reason_code=1", null).statusCode()).isEqualTo(204);
        SippResult result = run.await(Duration.ofSeconds(30));

        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(result.receivedStatuses()).as(result.describe()).endsWith(404);
        assertThat(result.firstSent("ACK")).isPresent();
    }

    @Test
    void callerCancelsWhileRinging() throws Exception {
        SippRun run = Sipp.scenario("caller-cancel").localIp(CARRIER_IP).remote(node.bind(), node.sipPort())
                .service("+18005550102").key("cancel_after_ms", "1000").start();

        JsonNode start = events.await("StasisStart", null, EVENT_TIMEOUT);
        String channel = start.path("channel").path("id").asString();
        assertThat(node.ariRequest("POST", "/channels/" + channel + "/ring", null).statusCode()).isEqualTo(204);
        SippResult result = run.await(Duration.ofSeconds(30));

        assertThat(result.succeeded()).as(result.describe()).isTrue();
        assertThat(result.receivedStatuses()).as(result.describe()).contains(180).endsWith(200, 487);
        assertThat(result.firstSent("CANCEL")).isPresent();
        events.await("StasisEnd", channel, EVENT_TIMEOUT);
    }

    @Test
    void originatedCallIsAnsweredByTheFarEndAndEchoesMedia() throws Exception {
        Sipp answer = Sipp.scenario("answer").localIp(CARRIER_IP).key("ring_ms", "300");
        try (RtpTap tap = RtpTap.start(answer.mediaPort()); SippRun run = answer.start()) {
            String channel = originate(run.localPort(), "+15550001", 30);

            events.await("StasisStart", channel, EVENT_TIMEOUT);
            assertThat(node.ariRequest("POST", "/channels/" + channel + "/play?media=sound:hello-world", null)
                    .statusCode()).isEqualTo(201);
            Thread.sleep(1500);
            assertThat(node.ariRequest("DELETE", "/channels/" + channel, null).statusCode()).isEqualTo(204);
            SippResult result = run.await(Duration.ofSeconds(30));
            RtpTap.RtpCounts counts = tap.stop();

            assertThat(result.succeeded()).as(result.describe()).isTrue();
            SipTrace invite = result.firstReceived("INVITE").orElseThrow();
            assertThat(invite.firstLine()).startsWith("INVITE sip:+15550001@" + CARRIER_IP);
            assertThat(result.firstReceived("BYE")).isPresent();
            assertThat(counts.receivedOn(answer.mediaPort())).as("RTP from the node").isPositive();
            assertThat(counts.sentFrom(answer.mediaPort())).as("RTP echoed back").isPositive();
        }
    }

    @Test
    void originatedCallToABusyFarEndEndsWithCauseBusy() throws Exception {
        try (SippRun run = Sipp.scenario("reject").localIp(CARRIER_IP).key("ring_ms", "200").start()) {
            String channel = originate(run.localPort(), "+15550002", 30);

            JsonNode destroyed = events.await("ChannelDestroyed", channel, EVENT_TIMEOUT);
            SippResult result = run.await(Duration.ofSeconds(30));

            assertThat(destroyed.path("cause").asInt()).isEqualTo(17);
            assertThat(result.succeeded()).as(result.describe()).isTrue();
            assertThat(result.firstSent("SIP/2.0 486")).isPresent();
        }
    }

    @Test
    void originatedCallNobodyAnswersIsCancelledAtTheTimeout() throws Exception {
        try (SippRun run = Sipp.scenario("no-answer").localIp(CARRIER_IP).start()) {
            String channel = originate(run.localPort(), "+15550003", 2);

            events.await("ChannelDestroyed", channel, EVENT_TIMEOUT);
            SippResult result = run.await(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result.describe()).isTrue();
            assertThat(result.firstReceived("CANCEL")).isPresent();
            assertThat(result.firstSent("SIP/2.0 487")).isPresent();
        }
    }

    private String originate(int sippPort, String number, int timeoutSeconds) {
        String channel = "test-" + System.nanoTime();
        var response = node.ariRequest("POST", "/channels/" + channel + "?endpoint=PJSIP/carrier/sip:"
                + number.replace("+", "%2B") + "@" + CARRIER_IP + ":" + sippPort + "&app=" + node.app()
                + "&appArgs=outbound&timeout=" + timeoutSeconds, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return channel;
    }

    private static List<String> args(JsonNode stasisStart) {
        return stasisStart.path("args").valueStream().map(JsonNode::asString).toList();
    }
}
