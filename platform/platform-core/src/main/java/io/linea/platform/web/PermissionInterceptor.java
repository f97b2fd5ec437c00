package io.linea.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Membership;
import io.linea.platform.security.PlatformAdminOnly;
import io.linea.platform.security.RequiresPermission;
import io.linea.platform.tenancy.TenantContext;

/** Enforces {@link RequiresPermission} and {@link PlatformAdminOnly} on handler methods (ADM-01). */
public class PermissionInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (platformAdminOnly(method)) {
            LineaPrincipal principal = LineaPrincipal.current()
                    .orElseThrow(() -> new LineaProblemException(HttpStatus.UNAUTHORIZED, "auth.required"));
            if (!principal.isPlatformAdmin()) {
                throw LineaProblemException.forbidden("permission.denied", "platform-admin");
            }
            TenantContext.set(new TenantContext.PlatformScope());
            return true;
        }
        RequiresPermission required = requiredPermission(method);
        if (required != null) {
            LineaPrincipal principal = LineaPrincipal.current()
                    .orElseThrow(() -> new LineaProblemException(HttpStatus.UNAUTHORIZED, "auth.required"));
            var tenantId = TenantContext.currentTenant()
                    .orElseThrow(() -> LineaProblemException.badRequest("tenant.required"));
            Membership membership = principal.membership(tenantId)
                    .orElseThrow(() -> LineaProblemException.forbidden("tenant.not-member"));
            if (!membership.can(required.value())) {
                throw LineaProblemException.forbidden("permission.denied", required.value());
            }
        }
        return true;
    }

    public static boolean platformAdminOnly(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PlatformAdminOnly.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PlatformAdminOnly.class);
    }

    public static RequiresPermission requiredPermission(HandlerMethod method) {
        RequiresPermission onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
                RequiresPermission.class);
        return onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresPermission.class);
    }
}
