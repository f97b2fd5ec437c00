package io.linea.identity.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import io.linea.identity.login.LogoutAuditHandler;
import io.linea.platform.security.LineaResourceServer;
import io.linea.platform.web.ProblemWriter;

/**
 * The security filter chains besides the authorization server's (order 1): the bearer-token API
 * ({@code /api/**}), the internal endpoints guarded by a shared token ({@code /internal/**}), and the
 * login pages (session, CSRF on every form).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String PAGE_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**");
        LineaResourceServer.apply(http, problems);
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
        return http.build();
    }

    /** {@code /internal/**}: not routed by the gateway; the controller checks {@code X-Linea-Internal-Token}. */
    @Bean
    @Order(3)
    SecurityFilterChain internalChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/internal/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pagesChain(HttpSecurity http, SecurityContextRepository contexts,
            LogoutAuditHandler logoutAudit) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                .requestMatchers("/", "/login", "/login/**", "/logout", "/assets/identity/**", "/error",
                        "/actuator/health", "/actuator/health/**")
                .permitAll()
                .anyRequest().denyAll())
                .securityContext(context -> context.securityContextRepository(contexts))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(logoutAudit)
                        .logoutSuccessUrl("/login?logout"))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
                        .referrerPolicy(referrer -> referrer
                                .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /** Where the login pages keep the authenticated context for the authorization endpoint. */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }
}
