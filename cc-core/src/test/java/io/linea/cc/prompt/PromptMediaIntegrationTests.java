package io.linea.cc.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.linea.cc.Api;
import io.linea.platform.testing.LineaIntegrationTest;

/**
 * IVR-08: Asterisk's HTTP media cache fetches prompts from the running service without a token, gets the
 * headers it keys its cache on, and revalidates with If-None-Match.
 */
@LineaIntegrationTest
class PromptMediaIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Prompts prompts;

    private HttpResponse<byte[]> fetch(String method, String uri, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void asteriskFetchesAPromptWithoutATokenAndCachesItForADay() throws Exception {
        String media = prompts.mediaUriFor("greeting", "kk", "Acme");
        assertThat(media).startsWith("sound:http://127.0.0.1:" + port + "/media/prompts/");
        String url = media.substring("sound:".length());

        HttpResponse<byte[]> get = fetch("GET", url, null);

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(header(get, "Content-Type")).isEqualTo("audio/wav");
        assertThat(header(get, "Content-Length")).isEqualTo(Integer.toString(get.body().length));
        assertThat(header(get, "Cache-Control")).isEqualTo("public, max-age=86400");
        // Spring Security's no-cache defaults must not contradict it.
        assertThat(header(get, "Pragma")).isNull();
        assertThat(header(get, "Expires")).isNull();
        String etag = header(get, "ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(TelephonyWav.of(get.body()).seconds()).isGreaterThan(3);

        HttpResponse<byte[]> head = fetch("HEAD", url, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "Content-Type")).isEqualTo("audio/wav");
        assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(get.body().length));
        assertThat(header(head, "ETag")).isEqualTo(etag);
        assertThat(header(head, "Cache-Control")).isEqualTo("public, max-age=86400");

        HttpResponse<byte[]> revalidated = fetch("HEAD", url, etag);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(fetch("GET", url, "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aPromptDeletedFromTheCacheIsSynthesisedAgain() throws Exception {
        String url = prompts.mediaUriFor("still-waiting", "uk").substring("sound:".length());
        String id = url.substring(url.lastIndexOf('/') + 1, url.length() - ".wav".length());
        EspeakPrompts espeak = (EspeakPrompts) prompts;
        Path file = espeak.file(id).orElseThrow();
        byte[] original = Files.readAllBytes(file);
        Files.delete(file);

        HttpResponse<byte[]> get = fetch("GET", url, null);

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(original);
        assertThat(file).exists();
    }

    @Test
    void unknownAndMalformedIdsAreNotFoundProblems() {
        Api anonymous = new Api(port, null, null, null);
        String neverSynthesised = "0123456789abcdef0123456789abcdef";
        for (String name : new String[] { neverSynthesised + ".wav", neverSynthesised.toUpperCase() + ".wav",
                neverSynthesised + ".mp3", neverSynthesised, neverSynthesised.substring(1) + ".wav",
                neverSynthesised + "0.wav", "x.wav", ".wav" }) {
            Api.Response response = anonymous.get("/media/prompts/" + name);
            assertThat(response.status()).as(name + " " + response).isEqualTo(404);
            assertThat(response.code()).as(name).isEqualTo("resource.not-found");
        }
        Api.Response unknown = anonymous.inLanguage("ro").get("/media/prompts/" + neverSynthesised + ".wav");
        assertThat(unknown.json().path("detail").asString()).isEqualTo("Elementul (prompt) nu a fost găsit.");
    }

    @Test
    void pathTraversalNeverReachesAFile() {
        Api anonymous = new Api(port, null, null, null);
        for (String name : new String[] { "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e.wav", "..%2Fapplication.yml" }) {
            Api.Response response = anonymous.get("/media/prompts/" + name);
            // Spring Security's firewall rejects some of these before routing; none may succeed.
            assertThat(response.status()).as(name + " " + response).isBetween(400, 404);
            assertThat(response.raw()).as(name).doesNotContain("root:", "Exception", "at io.linea");
        }
    }

    @Test
    void theRestOfTheApiStillNeedsAToken() {
        Api anonymous = new Api(port, null, null, null);
        assertThat(anonymous.get("/api/cc/queues").status()).isEqualTo(401);
        assertThat(anonymous.get("/media/other").status()).isEqualTo(401);
    }
}
