package io.linea.gateway.ratelimit;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.linea.gateway.GatewaySettings;
import io.linea.gateway.problem.Problems;
import io.linea.gateway.tenant.TenantHeaderFilter;
import reactor.core.publisher.Mono;

/**
 * Per-tenant API limit, so one busy tenant cannot starve the others (TEN-01). Runs after the tenant check: the key is
 * a tenant the caller proved membership of, so nobody can use up another tenant's budget by naming it.
 */
@Component
@Order(TenantHeaderFilter.ORDER + 10)
class ApiRateLimitFilter implements WebFilter {

    private final RateLimiter limiter;
    private final Problems problems;

    ApiRateLimitFilter(GatewaySettings settings, Problems problems) {
        this.limiter = new RateLimiter(settings.rateLimit().api());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getAttribute(TenantHeaderFilter.RATE_LIMIT_KEY);
        if (key == null) {
            return chain.filter(exchange);
        }
        long retryAfter = limiter.tryAcquire(key);
        if (retryAfter > 0) {
            return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate.limited",
                    headers -> headers.set("Retry-After", Long.toString(retryAfter)));
        }
        return chain.filter(exchange);
    }
}
