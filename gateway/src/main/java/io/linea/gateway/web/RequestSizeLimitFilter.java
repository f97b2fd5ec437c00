package io.linea.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.linea.gateway.GatewaySettings;
import io.linea.gateway.problem.GatewayProblem;
import io.linea.gateway.problem.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses API request bodies above {@code linea.gateway.max-api-body-size} (1 MiB), or for file uploads
 * ({@code multipart/form-data}) above {@code linea.gateway.max-upload-size} (60 MB): by Content-Length before anything
 * is read, and while streaming for chunked bodies, so the services never buffer an oversized body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestSizeLimitFilter implements WebFilter {

    private final long apiLimit;
    private final long uploadLimit;
    private final Problems problems;

    RequestSizeLimitFilter(GatewaySettings settings, Problems problems) {
        this.apiLimit = settings.maxApiBodySize().toBytes();
        this.uploadLimit = settings.maxUploadSize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!Paths.isApi(request.getPath().value())) {
            return chain.filter(exchange);
        }
        org.springframework.http.MediaType type = request.getHeaders().getContentType();
        long limit = type != null && org.springframework.http.MediaType.MULTIPART_FORM_DATA.includes(type) ? uploadLimit
                : apiLimit;
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "request.too-large");
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        throw GatewayProblem.tooLarge();
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
