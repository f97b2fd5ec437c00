package io.linea.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Spring Security's 401 and 403 answers as problem details. */
public final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    public static AuthenticationEntryPoint entryPoint(ProblemWriter problems) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.required");
        };
    }

    public static AccessDeniedHandler accessDenied(ProblemWriter problems) {
        return (request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN, "permission.denied", "");
    }
}
