package io.linea.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

import io.linea.platform.web.ProblemSecurityHandlers;
import io.linea.platform.web.ProblemWriter;

/** The bearer-token setup every service's API shares: stateless, JWT, problem-detail 401/403. */
public final class LineaResourceServer {

    private LineaResourceServer() {
    }

    public static HttpSecurity apply(HttpSecurity http, ProblemWriter problems) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> {
                }).authenticationEntryPoint(ProblemSecurityHandlers.entryPoint(problems))
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDenied(problems)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(ProblemSecurityHandlers.entryPoint(problems))
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDenied(problems)));
    }
}
