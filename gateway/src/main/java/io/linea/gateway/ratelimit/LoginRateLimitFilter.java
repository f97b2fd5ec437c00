package io.linea.gateway.ratelimit;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.linea.gateway.GatewaySettings;
import io.linea.gateway.problem.Problems;
import io.linea.gateway.web.ClientAddresses;
import reactor.core.publisher.Mono;

/** Slows down password guessing: POSTs to the login pages and the token endpoint, per client address. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class LoginRateLimitFilter implements WebFilter {

    private final RateLimiter limiter;
    private final ClientAddresses addresses;
    private final Problems problems;

    LoginRateLimitFilter(GatewaySettings settings, ClientAddresses addresses, Problems problems) {
        this.limiter = new RateLimiter(settings.rateLimit().login());
        this.addresses = addresses;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!isLoginAttempt(request)) {
            return chain.filter(exchange);
        }
        long retryAfter = limiter.tryAcquire(addresses.clientAddress(request));
        if (retryAfter > 0) {
            return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate.limited",
                    headers -> headers.set("Retry-After", Long.toString(retryAfter)));
        }
        return chain.filter(exchange);
    }

    static boolean isLoginAttempt(ServerHttpRequest request) {
        if (request.getMethod() != HttpMethod.POST) {
            return false;
        }
        String path = request.getPath().value();
        return path.equals("/login") || path.startsWith("/login/") || path.equals("/oauth2/token");
    }
}
