package io.linea.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.linea.platform.problem.PayloadTooLargeException;
import io.linea.platform.problem.ProblemMessages;
import io.linea.platform.problem.ProblemResponses;

/** Oversized bodies are refused before they reach a handler, announced or streamed. */
class RequestSizeLimitFilterTests {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(16,
            new ProblemWriter(new ProblemResponses(new ProblemMessages())));

    @Test
    void announcedOversizedBodyGets413ProblemAndNeverReachesTheHandler() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cc/queues");
        request.setContent("x".repeat(17).getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Boolean> reached = new AtomicReference<>(false);
        filter.doFilter(request, response, (req, res) -> reached.set(true));
        assertThat(reached.get()).isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"request.too-large\"");
    }

    @Test
    void streamedBodyIsCutOffWhenItPassesTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cc/queues") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked: length not announced
            }
        };
        request.setContent("y".repeat(40).getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> assertThatThrownBy(() -> req.getInputStream().readAllBytes())
                .isInstanceOf(PayloadTooLargeException.class));
    }

    @Test
    void smallBodyPassesUntouched() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cc/queues");
        request.setContent("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> body = new AtomicReference<>();
        filter.doFilter(request, response,
                (req, res) -> body.set(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(body.get()).isEqualTo("{\"a\":1}");
    }
}
