package io.linea.gateway.tenant;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.linea.gateway.problem.Problems;
import io.linea.gateway.web.Paths;
import reactor.core.publisher.Mono;

/**
 * The tenant of a request (TEN-01, TEN-03). A client-sent {@code X-Tenant-Id} is always dropped: only the gateway
 * sets it, and only after the token proved a membership in the tenant named by {@code X-Linea-Tenant} and
 * tenant-service reported that tenant active. Runs after Spring Security (order -100), so API requests reaching it
 * carry a validated JWT.
 */
@Component
@Order(TenantHeaderFilter.ORDER)
public class TenantHeaderFilter implements WebFilter {

    public static final int ORDER = 0;
    public static final String TENANT_ID = "X-Tenant-Id";
    public static final String SELECTED_TENANT = "X-Linea-Tenant";
    /** Exchange attribute with the key of the API rate limit bucket: the tenant, or the person without a tenant. */
    public static final String RATE_LIMIT_KEY = TenantHeaderFilter.class.getName() + ".rateLimitKey";

    private final TenantStatuses statuses;
    private final Problems problems;

    TenantHeaderFilter(TenantStatuses statuses, Problems problems) {
        this.statuses = statuses;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String selected = request.getHeaders().getFirst(SELECTED_TENANT);
        if (!Paths.isApi(request.getPath().value())) {
            return chain.filter(withTenant(exchange, null));
        }
        if (Paths.isIntegration(request.getPath().value())) {
            // the API key decides the tenant in cc-core; calls are rate-limited per key (its public prefix)
            exchange.getAttributes().put(RATE_LIMIT_KEY, "api-key:" + keyPrefix(request));
            return chain.filter(withTenant(exchange, null));
        }
        return exchange.getPrincipal().ofType(JwtAuthenticationToken.class).map(JwtAuthenticationToken::getToken)
                .map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(token -> {
                    if (token.isEmpty()) {
                        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "auth.required");
                    }
                    if (selected == null || selected.isBlank()) {
                        exchange.getAttributes().put(RATE_LIMIT_KEY, "person:" + token.get().getSubject());
                        return chain.filter(withTenant(exchange, null));
                    }
                    UUID tenant = parse(selected.trim());
                    if (tenant == null || !isMember(token.get(), tenant)) {
                        return problems.write(exchange, HttpStatus.FORBIDDEN, "tenant.not-member");
                    }
                    return statuses.statusOf(tenant).flatMap(status -> {
                        if (status.isEmpty()) {
                            return problems.write(exchange, HttpStatus.FORBIDDEN, "tenant.not-member");
                        }
                        if (!"ACTIVE".equals(status.get())) {
                            return problems.write(exchange, HttpStatus.FORBIDDEN, "tenant.suspended");
                        }
                        exchange.getAttributes().put(RATE_LIMIT_KEY, "tenant:" + tenant);
                        return chain.filter(withTenant(exchange, tenant));
                    });
                });
    }

    private static ServerWebExchange withTenant(ServerWebExchange exchange, UUID tenant) {
        if (tenant == null && !exchange.getRequest().getHeaders().containsHeader(TENANT_ID)) {
            return exchange;
        }
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(TENANT_ID);
            if (tenant != null) {
                headers.set(TENANT_ID, tenant.toString());
            }
        }).build();
        return exchange.mutate().request(request).build();
    }

    /** {@code lnk_<prefix>_…} from the Authorization or X-Linea-Api-Key header; the secret part is never kept. */
    static String keyPrefix(ServerHttpRequest request) {
        String key = request.getHeaders().getFirst("X-Linea-Api-Key");
        String authorization = request.getHeaders().getFirst("Authorization");
        if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).trim();
        }
        if (key == null || !key.startsWith("lnk_")) {
            return "none";
        }
        int end = key.indexOf('_', 4);
        return end < 0 ? "none" : key.substring(4, Math.min(end, 4 + 16));
    }

    static boolean isMember(Jwt token, UUID tenant) {
        Object memberships = token.getClaims().get("memberships");
        if (!(memberships instanceof Collection<?> list)) {
            return false;
        }
        String wanted = tenant.toString();
        return list.stream().anyMatch(m -> m instanceof Map<?, ?> membership
                && wanted.equalsIgnoreCase(String.valueOf(membership.get("tenant_id"))));
    }

    private static UUID parse(String value) {
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException notUuid) {
            return null;
        }
    }
}
