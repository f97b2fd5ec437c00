package io.linea.identity.login;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the login pages' language filter ahead of Spring Security and MVC. */
@Configuration(proxyBeanMethods = false)
public class LoginWebConfig {

    @Bean
    FilterRegistrationBean<LoginLocaleFilter> loginLocaleFilter() {
        FilterRegistrationBean<LoginLocaleFilter> registration = new FilterRegistrationBean<>(new LoginLocaleFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/login", "/login/*");
        return registration;
    }
}
