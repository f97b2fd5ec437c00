package io.linea.cc.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.linea.cc.Api;
import io.linea.cc.Fixtures;
import io.linea.platform.testing.LineaIntegrationTest;

/** The work list of callbacks, missed calls and voicemails, and voicemail audio at rest (ACD-10, ACD-14, IVR-09). */
@LineaIntegrationTest
class CallbackIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CallbackManagement callbacks;

    @Value("${linea.blobs.dir}")
    Path blobs;

    /** A WAV whose payload is recognisable text, so a plain copy on disk would be found. */
    private static byte[] audio() {
        byte[] header = "RIFF....WAVEfmt ".getBytes();
        byte[] words = "please call me back about invoice 4711".repeat(50).getBytes();
        byte[] all = new byte[header.length + words.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(words, 0, all, header.length, words.length);
        return all;
    }

    @Test
    void itemsOfEveryKindAreListedOldestFirstAndLeaveOnlyWithAnOutcome() {
        Api a = Api.adminOfNewTenant(port);
        UUID queue = a.post("/api/cc/queues", Fixtures.queue("Billing")).id();
        Instant now = Instant.now();
        UUID missed = callbacks.missedCall(a.tenant(), UUID.randomUUID(), "+447700900001", queue, now.minusSeconds(300));
        UUID later = callbacks.callbackRequested(a.tenant(), UUID.randomUUID(), "+447700900002", queue,
                now.minusSeconds(200), now.plus(Duration.ofHours(2)));
        UUID message = callbacks.voicemailRecorded(a.tenant(), UUID.randomUUID(), "+447700900003", null,
                now.minusSeconds(100), audio(), 4200);

        JsonNode open = a.get("/api/cc/callbacks").json();
        assertThat(open.path("total").asInt()).isEqualTo(3);
        assertThat(open.path("items")).extracting(i -> i.path("id").asString())
                .containsExactly(missed.toString(), later.toString(), message.toString());
        JsonNode first = open.path("items").get(0);
        assertThat(first.path("kind").asString()).isEqualTo("MISSED");
        assertThat(first.path("queueName").asString()).isEqualTo("Billing");
        assertThat(open.path("items").get(1).path("status").asString()).isEqualTo("SCHEDULED");
        JsonNode voicemail = open.path("items").get(2).path("voicemail");
        assertThat(voicemail.path("durationMs").asLong()).isEqualTo(4200);
        assertThat(a.get("/api/cc/callbacks?kind=VOICEMAIL").json().path("total").asInt()).isEqualTo(1);

        Api.Response done = a.post("/api/cc/callbacks/" + missed + "/done",
                Map.of("outcome", "REACHED", "note", "  sorted out  ", "version", 0));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().path("status").asString()).isEqualTo("DONE");
        assertThat(done.json().path("note").asString()).isEqualTo("sorted out");
        assertThat(done.json().path("doneByName").isNull()).isFalse();
        assertThat(done.json().path("doneAt").isNull()).isFalse();

        Api.Response again = a.post("/api/cc/callbacks/" + missed + "/done",
                Map.of("outcome", "NOT_NEEDED", "version", done.json().path("version").asLong()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("callback.done");
        assertThat(a.post("/api/cc/callbacks/" + later + "/done", Map.of("outcome", "REACHED", "version", 5)).code())
                .isEqualTo("resource.stale");
        assertThat(a.post("/api/cc/callbacks/" + later + "/done", Map.of("version", 0)).status())
                .as("an outcome is required").isEqualTo(400);

        assertThat(a.get("/api/cc/callbacks").json().path("total").asInt()).isEqualTo(2);
        JsonNode finished = a.get("/api/cc/callbacks?status=DONE").json();
        assertThat(finished.path("items").get(0).path("outcome").asString()).isEqualTo("REACHED");
        assertThat(a.get("/api/cc/callbacks?status=ALL").json().path("total").asInt()).isEqualTo(3);
        assertThat(a.get("/api/cc/callbacks?status=SOME").status()).isEqualTo(400);
    }

    @Test
    void voicemailAudioIsEncryptedAtRestAndPlayedBackOnlyToItsTenant() throws IOException {
        Api a = Api.adminOfNewTenant(port);
        Api b = Api.adminOfNewTenant(port);
        byte[] audio = audio();
        UUID item = callbacks.voicemailRecorded(a.tenant(), UUID.randomUUID(), "+447700900004", null, Instant.now(),
                audio, 3000);
        String voicemail = a.get("/api/cc/callbacks/" + item).json().path("voicemail").path("id").asString();

        Api.Response played = a.get("/api/cc/voicemails/" + voicemail + "/audio");
        assertThat(played.status()).isEqualTo(200);
        assertThat(played.raw()).isEqualTo(new String(audio));

        Path stored;
        try (Stream<Path> files = Files.walk(blobs.resolve("voicemail").resolve(a.tenant().toString()))) {
            stored = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        String onDisk = new String(Files.readAllBytes(stored), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(onDisk).doesNotContain("invoice 4711").doesNotContain("RIFF");

        Api.Response foreign = b.get("/api/cc/voicemails/" + voicemail + "/audio");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(b.get("/api/cc/callbacks/" + item).status()).isEqualTo(404);
        assertThat(b.get("/api/cc/callbacks").json().path("total").asInt()).isZero();

        // a file moved under another tenant's name does not decrypt with that tenant's key
        Path moved = blobs.resolve("voicemail").resolve(b.tenant().toString()).resolve(stored.getFileName());
        Files.createDirectories(moved.getParent());
        Files.copy(stored, moved);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> blobsBean.get(b.tenant(),
                "voicemail/" + b.tenant() + "/" + stored.getFileName())).isInstanceOf(IllegalStateException.class);
    }

    @Autowired
    io.linea.cc.blob.TenantBlobs blobsBean;

    @Test
    void aScheduledCallbackIsClaimedOnceWhenItsTimeComes() {
        Api a = Api.adminOfNewTenant(port);
        UUID queue = a.post("/api/cc/queues", Fixtures.queue("Billing")).id();
        Instant inAnHour = Instant.now().plusSeconds(3600);
        Api.Response later = a.post("/api/cc/callbacks", Map.of("number", "+44 7700 900555", "queueId",
                queue.toString(), "preferredAt", inAnHour.toString()));
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        assertThat(later.json().path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(later.json().path("number").asString()).isEqualTo("+447700900555");
        Api.Response now = a.post("/api/cc/callbacks", Map.of("number", "+447700900556", "queueId", queue.toString()));
        assertThat(now.json().path("status").asString()).as("its queue calls back at once").isEqualTo("SCHEDULED");

        assertThat(callbacks.claimDue(Instant.now())).extracting(CallbackManagement.DueCallback::id)
                .contains(now.id()).doesNotContain(later.id());
        assertThat(callbacks.claimDue(Instant.now())).extracting(CallbackManagement.DueCallback::id)
                .as("claimed once").doesNotContain(now.id());
        assertThat(callbacks.claimDue(inAnHour.plusSeconds(1))).extracting(CallbackManagement.DueCallback::id)
                .contains(later.id());
        assertThat(a.get("/api/cc/callbacks/" + later.id()).json().path("status").asString()).isEqualTo("OPEN");

        assertThat(a.post("/api/cc/callbacks", Map.of("number", "12")).json().path("errors").get(0).path("code")
                .asString()).isEqualTo("number.invalid");
        assertThat(a.post("/api/cc/callbacks", Map.of("number", "+447700900557", "preferredAt",
                Instant.now().plusSeconds(40L * 86400).toString())).json().path("errors").get(0).path("code")
                .asString()).isEqualTo("callback.too-far");
        Api b = Api.adminOfNewTenant(port);
        assertThat(b.post("/api/cc/callbacks", Map.of("number", "+447700900558", "queueId", queue.toString()))
                .json().path("errors").get(0).path("code").asString()).as("another tenant's queue")
                .isEqualTo("number.queue-missing");
    }

    @Test
    void dialingBackADoneItemOrAsNonAgentCountsNoAttempt() {
        Api a = Api.adminOfNewTenant(port);
        UUID number = Fixtures.assignedNumber(a);
        UUID item = callbacks.missedCall(a.tenant(), UUID.randomUUID(), "+447700900005", null, Instant.now());
        Api.Response notAgent = a.post("/api/cc/callbacks/" + item + "/dial", Map.of("numberId", number.toString()));
        assertThat(notAgent.status()).isEqualTo(409);
        assertThat(notAgent.code()).isEqualTo("call.no-agent");
        assertThat(a.get("/api/cc/callbacks/" + item).json().path("attempts").asInt()).isZero();

        UUID withheld = callbacks.missedCall(a.tenant(), UUID.randomUUID(), null, null, Instant.now());
        assertThat(a.post("/api/cc/callbacks/" + withheld + "/dial", Map.of("numberId", number.toString())).code())
                .isEqualTo("callback.no-number");
        a.post("/api/cc/callbacks/" + item + "/done", Map.of("outcome", "DUPLICATE", "version", 0));
        assertThat(a.post("/api/cc/callbacks/" + item + "/dial", Map.of("numberId", number.toString())).code())
                .isEqualTo("callback.done");
    }
}
