package io.linea.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;

/**
 * Turns the gateway's own failures into problem responses. Runs before Boot's error handler (order -1); anything it
 * does not recognise is left to Boot. Upstream error responses are not exceptions and pass through unchanged.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private final Problems problems;

    ProblemExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof GatewayProblem problem) {
            return problems.write(exchange, problem.status(), problem.code());
        }
        if (ex instanceof DataBufferLimitException) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "request.too-large");
        }
        if (ex instanceof ResponseStatusException status) {
            int code = status.getStatusCode().value();
            if (code == 404) {
                return problems.write(exchange, HttpStatus.NOT_FOUND, "route.not-found");
            }
            if (code == 413) {
                return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "request.too-large");
            }
            if (code == 502 || code == 503 || code == 504) {
                return problems.write(exchange, HttpStatus.valueOf(code), "gateway.upstream-unavailable");
            }
            return Mono.error(ex);
        }
        if (upstreamUnreachable(ex)) {
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "gateway.upstream-unavailable");
        }
        return Mono.error(ex);
    }

    private static boolean upstreamUnreachable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
