package io.linea.cc.integration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import io.linea.platform.web.ProblemSecurityHandlers;
import io.linea.platform.web.ProblemWriter;

/**
 * {@code /api/integration/**} has its own filter chain, ordered before the JWT one (which matches every
 * other path): API keys only, stateless, problem-detail 401/403 (CRM-05). A user's JWT does not open it.
 */
@Configuration(proxyBeanMethods = false)
class IntegrationSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain integrationApi(HttpSecurity http, ApiCredentials credentials, ProblemWriter problems)
            throws Exception {
        return http.securityMatcher("/api/integration/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyFilter(credentials, problems), AuthorizationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(ProblemSecurityHandlers.entryPoint(problems))
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDenied(problems)))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .build();
    }
}
