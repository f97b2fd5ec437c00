package io.linea.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import io.linea.gateway.problem.Problems;
import io.linea.gateway.web.Paths;
import reactor.core.publisher.Mono;

/**
 * Bearer tokens are checked on {@code /api/**} only. The login pages, {@code /oauth2/**}, {@code /userinfo} and
 * {@code /connect/**} belong to tenant-service, which checks its own credentials there; checking a bearer token in
 * front of them would answer OIDC clients with the gateway's errors instead of the protocol's. The JWK set comes from
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}; Boot's {@code ReactiveJwtDecoder} bean can be
 * replaced (tests do). No CSRF protection and no session: the API is called with bearer tokens, never cookies.
 * Security headers come from {@code SecurityHeadersFilter} for every response, not only the API's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, Problems problems) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, ex) -> problems.write(exchange,
                HttpStatus.UNAUTHORIZED, "auth.required",
                headers -> headers.set("WWW-Authenticate", "Bearer"));
        ServerAccessDeniedHandler denied = (exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                "auth.required");
        return http.securityMatcher(SecurityConfiguration::api)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .oauth2ResourceServer(server -> server.jwt(jwt -> { })
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .build();
    }

    /**
     * Same as {@code pathMatchers("/api", "/api/**")} but without their per-request debug messages, which Spring's
     * logging bridge formats even when debug is off: this matcher runs on every request the gateway sees.
     */
    private static Mono<ServerWebExchangeMatcher.MatchResult> api(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        // the integration API authenticates with API keys in cc-core (CRM-05), not with a person's token
        return Paths.isApi(path) && !Paths.isIntegration(path) ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
