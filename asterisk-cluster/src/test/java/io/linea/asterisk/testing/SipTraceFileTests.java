package io.linea.asterisk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** sipp's -trace_msg file (format of sipp 3.6) becomes SIP traces tests can assert on (TEL-01). */
class SipTraceFileTests {

    private final List<SipTrace> traces = SippRun.parse(resource("sipp-messages.log"));
    private final SippResult result = new SippResult(0, traces, "");

    @Test
    void everyMessageIsReadWithItsDirectionTimeAndFirstLine() {
        assertThat(traces).extracting(SipTrace::direction).containsExactly(SipTrace.Direction.SENT,
                SipTrace.Direction.RECEIVED, SipTrace.Direction.RECEIVED);
        assertThat(traces).extracting(SipTrace::firstLine).containsExactly(
                "INVITE sip:+18005550100@127.0.0.1:25060 SIP/2.0", "SIP/2.0 100 Trying", "SIP/2.0 404 Not Found");
        assertThat(traces.getFirst().timestamp()).isEqualTo(LocalDateTime.of(2026, 11, 22, 22, 36, 29, 287_583_000)
                .atZone(ZoneId.systemDefault()).toInstant());
        assertThat(traces.getLast().timestamp()).isEqualTo(LocalDateTime.of(2026, 11, 22, 22, 36, 30, 500_000_000)
                .atZone(ZoneId.systemDefault()).toInstant());
    }

    @Test
    void headersAreFoundWithoutRegardToCaseAndTheBodyIsKept() {
        SipTrace invite = result.firstSent("INVITE").orElseThrow();

        assertThat(invite.header("call-id")).contains("1-8703@127.0.0.2");
        assertThat(invite.header("CONTENT-TYPE")).contains("application/sdp");
        assertThat(invite.header("Record-Route")).isEmpty();
        assertThat(invite.body()).isEqualTo("v=0\nm=audio 40002 RTP/AVP 8");
        assertThat(invite.method()).isEqualTo("INVITE");
        assertThat(invite.status()).isZero();
    }

    @Test
    void responsesExposeStatusAndTheMethodTheyAnswer() {
        SipTrace notFound = result.firstReceived("SIP/2.0 404").orElseThrow();

        assertThat(result.receivedStatuses()).containsExactly(100, 404);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.method()).isEqualTo("INVITE");
        assertThat(notFound.header("Call-ID")).contains("1-8703@127.0.0.2");
        assertThat(result.firstReceived("SIP/2.0 200")).isEmpty();
        assertThat(result.firstSent("SIP/2.0")).isEmpty();
    }

    private static Path resource(String name) {
        try {
            return Path.of(SipTraceFileTests.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
