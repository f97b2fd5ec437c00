package io.linea.gateway.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sets X-Forwarded-For/Proto/Host/Port on proxied requests. Replaces Spring Cloud Gateway's own forwarded filters
 * (switched off in application.yml) so that the same {@code linea.gateway.trusted-proxies} decides both here and for
 * rate limits: a client's own X-Forwarded-* and Forwarded headers are dropped unless it is a trusted proxy.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    private final ClientAddresses addresses;

    ForwardedHeaders(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        boolean trusted = addresses.fromTrustedProxy(request);
        String remote = ClientAddresses.remoteAddress(request);
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        String proto = request.getSslInfo() != null ? "https" : "http";
        int port = request.getURI().getPort() > 0 ? request.getURI().getPort() : ("https".equals(proto) ? 443 : 80);

        HttpHeaders out = new HttpHeaders();
        out.addAll(input);
        String forwardedFor = input.getFirst("X-Forwarded-For");
        String forwardedProto = input.getFirst("X-Forwarded-Proto");
        String forwardedHost = input.getFirst("X-Forwarded-Host");
        String forwardedPort = input.getFirst("X-Forwarded-Port");
        for (String name : new String[] {"Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
                "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Real-IP"}) {
            out.remove(name);
        }
        if (trusted) {
            out.set("X-Forwarded-For", forwardedFor != null ? forwardedFor + ", " + remote : remote);
            out.set("X-Forwarded-Proto", forwardedProto != null ? forwardedProto : proto);
            setIfPresent(out, "X-Forwarded-Host", forwardedHost != null ? forwardedHost : host);
            out.set("X-Forwarded-Port", forwardedPort != null ? forwardedPort : String.valueOf(port));
        }
        else {
            out.set("X-Forwarded-For", remote);
            out.set("X-Forwarded-Proto", proto);
            setIfPresent(out, "X-Forwarded-Host", host);
            out.set("X-Forwarded-Port", String.valueOf(port));
        }
        return out;
    }

    private static void setIfPresent(HttpHeaders headers, String name, String value) {
        if (value != null) {
            headers.set(name, value);
        }
    }

    /** After Spring Cloud Gateway's RemoveXForwardedHeadersFilter (order 0), which strips every x-forwarded-*. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1000;
    }
}
