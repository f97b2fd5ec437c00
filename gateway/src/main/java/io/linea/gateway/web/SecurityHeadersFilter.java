package io.linea.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.linea.gateway.GatewaySettings;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response: the web app, the login pages proxied from tenant-service, upstream errors and
 * the gateway's own problems. They are set just before the response is committed so they also replace weaker
 * values an upstream may have sent (SEC-05).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter implements WebFilter {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final String contentSecurityPolicy;
    private final ClientAddresses addresses;

    SecurityHeadersFilter(GatewaySettings settings, ClientAddresses addresses) {
        this.addresses = addresses;
        this.contentSecurityPolicy = contentSecurityPolicy(settings.baseDomain());
    }

    /**
     * Login forms post to tenant-service and redirect to {@code {origin}/auth/callback}, where origin may be another
     * tenant address; browsers check form-action against those redirects, so the base domain and its subdomains (on
     * any port, for local development on :8080) are allowed as form targets.
     */
    static String contentSecurityPolicy(String baseDomain) {
        String formTargets = baseDomain == null || baseDomain.isBlank() ? ""
                : " " + baseDomain + ":* *." + baseDomain + ":*";
        return "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; "
                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'" + formTargets;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", contentSecurityPolicy);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Permissions-Policy", "microphone=(self), camera=()");
            if (overTls(exchange.getRequest())) {
                headers.set("Strict-Transport-Security", HSTS);
            }
            else {
                headers.remove("Strict-Transport-Security");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** TLS to the gateway itself, or to a trusted load balancer that says so in X-Forwarded-Proto. */
    private boolean overTls(ServerHttpRequest request) {
        if (request.getSslInfo() != null) {
            return true;
        }
        return addresses.fromTrustedProxy(request)
                && "https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto"));
    }
}
