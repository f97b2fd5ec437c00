package io.linea.identity.support;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Source address and user agent of the current HTTP request, for audit entries. */
public record RequestInfo(String sourceIp, String userAgent) {

    public static final RequestInfo NONE = new RequestInfo(null, null);

    public static RequestInfo of(HttpServletRequest request) {
        return new RequestInfo(request.getRemoteAddr(), truncate(request.getHeader("User-Agent"), 400));
    }

    public static RequestInfo current() {
        return currentRequest().map(RequestInfo::of).orElse(NONE);
    }

    public static Optional<HttpServletRequest> currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.of(attributes.getRequest());
        }
        return Optional.empty();
    }

    public static String truncate(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
