package io.linea.platform;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.linea.platform.problem.ProblemAdvice;
import io.linea.platform.problem.ProblemMessages;
import io.linea.platform.problem.ProblemResponses;
import io.linea.platform.tenancy.TenantAwareTransactionManager;
import io.linea.platform.tenancy.TenantIdentifierResolver;
import io.linea.platform.web.PermissionInterceptor;
import io.linea.platform.web.ProblemWriter;
import io.linea.platform.web.RequestSizeLimitFilter;
import io.linea.platform.web.TenantContextFilter;

/** Wires tenancy, problem details and permission checks into every Linea service. */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration" })
@EnableConfigurationProperties(PlatformSettings.class)
public class PlatformAutoConfiguration {

    /** Spring Security's filter chain runs at -100; the tenant filter needs its authentication. */
    public static final int TENANT_FILTER_ORDER = 0;

    @Bean
    ProblemMessages problemMessages() {
        return new ProblemMessages();
    }

    @Bean
    ProblemResponses problemResponses(ProblemMessages messages) {
        return new ProblemResponses(messages);
    }

    @Bean
    ProblemWriter problemWriter(ProblemResponses responses) {
        return new ProblemWriter(responses);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EntityManagerFactory.class)
    static class Persistence {

        @Bean
        TenantAwareTransactionManager transactionManager(EntityManagerFactory emf, PlatformSettings settings) {
            return new TenantAwareTransactionManager(emf, settings.platformDbRole());
        }

        @Bean
        HibernatePropertiesCustomizer tenantIdentifierResolver() {
            return properties -> properties.put("hibernate.tenant_identifier_resolver", new TenantIdentifierResolver());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web implements WebMvcConfigurer {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new PermissionInterceptor());
        }

        @Bean
        ProblemAdvice problemAdvice(ProblemResponses responses) {
            return new ProblemAdvice(responses);
        }

        @Bean
        FilterRegistrationBean<TenantContextFilter> tenantContextFilter(ProblemWriter problems) {
            FilterRegistrationBean<TenantContextFilter> registration = new FilterRegistrationBean<>(
                    new TenantContextFilter(problems));
            registration.setOrder(TENANT_FILTER_ORDER);
            return registration;
        }

        @Bean
        FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(PlatformSettings settings,
                ProblemWriter problems) {
            FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                    new RequestSizeLimitFilter(settings.maxBodyBytes(), problems));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
