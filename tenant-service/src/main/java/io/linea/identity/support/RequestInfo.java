package io.linea.identity.support;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Source address and user agent of the current HTTP request, for audit entries. */
public record RequestInfo(String sourceIp, String userAgent) {

    public static final RequestInfo NONE = new RequestInfo(null, null);

    public static RequestInfo of(HttpServletRequest request) {
        return new RequestInfo(readable(request.getRemoteAddr()), truncate(request.getHeader("User-Agent"), 400));
    }

    /**
     * IPv6 addresses in their short RFC 5952 form ({@code ::1}, not the {@code 0:0:0:0:0:0:0:1} the
     * servlet container reports), so audit entries read and filter the way admins write them.
     */
    static String readable(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        String[] groups = address.replaceFirst("%.*$", "").split(":", -1);
        if (groups.length != 8) {
            return address;
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length].matches("0+")) {
                length++;
            }
            if (length > bestLength && length > 1) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(groups[i].replaceFirst("^0+(?=.)", "").toLowerCase(java.util.Locale.ROOT));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString();
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
