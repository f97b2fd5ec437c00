package io.linea.cc;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.linea.platform.web.ProblemWriter;
import io.linea.platform.web.RequestSizeLimitFilter;

/**
 * The platform's body limit ({@code linea.platform.max-body-bytes}) is raised to what a client import
 * file needs (CRM-05); this filter holds every other request to 1 MB as before, so only the two upload
 * routes accept large bodies.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizes {

    static final long DEFAULT_MAX_BODY = 1024 * 1024;

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> defaultRequestSizeLimit(ProblemWriter problems) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(DEFAULT_MAX_BODY, problems) {
                    @Override
                    protected boolean shouldNotFilter(HttpServletRequest request) {
                        return isUpload(request);
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    static boolean isUpload(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "POST".equals(request.getMethod())
                && (path.equals("/api/cc/clients/imports") || path.equals("/api/integration/v1/clients/imports"));
    }
}
