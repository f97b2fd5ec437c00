package io.linea.identity.login;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import io.linea.identity.audit.AuditLog;
import io.linea.identity.support.RequestInfo;

/** Audits {@code POST /logout} of the login pages' session. */
@Component
public class LogoutAuditHandler implements LogoutHandler {

    private final LoginAudit audit;

    public LogoutAuditHandler(LoginAudit audit) {
        this.audit = audit;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null) {
            return;
        }
        try {
            audit.recordFor(UUID.fromString(authentication.getName()), "logout", AuditLog.SUCCESS, null,
                    RequestInfo.of(request));
        } catch (IllegalArgumentException ignored) {
            // not a person id: nothing to audit
        }
    }
}
