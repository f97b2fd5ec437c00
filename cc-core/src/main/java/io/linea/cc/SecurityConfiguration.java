package io.linea.cc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import io.linea.platform.security.LineaResourceServer;
import io.linea.platform.web.ProblemWriter;

/**
 * Every call needs a bearer token except the health probe the start script polls and the prompt audio
 * Asterisk's HTTP media cache fetches (it sends no token; ids are content hashes). Tenant and permission
 * checks happen per handler ({@code @RequiresPermission}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems) throws Exception {
        return LineaResourceServer.apply(http, problems)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/media/prompts/**").permitAll()
                        .anyRequest().authenticated())
                .build();
    }
}
