package io.linea.platform.web;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.tenancy.TenantContext;

/**
 * Sets the tenant scope of a request from {@code X-Tenant-Id} (written by the gateway from the
 * validated membership), after checking again that the caller's token holds that membership.
 * Runs after Spring Security has authenticated the bearer token.
 */
public class TenantContextFilter extends OncePerRequestFilter {

    public static final String TENANT_HEADER = "X-Tenant-Id";

    private final ProblemWriter problems;

    public TenantContextFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(TENANT_HEADER);
        if (header == null || header.isBlank()) {
            try {
                chain.doFilter(request, response);
            } finally {
                TenantContext.clear();
            }
            return;
        }
        UUID tenantId;
        try {
            tenantId = UUID.fromString(header.trim());
        } catch (IllegalArgumentException e) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "tenant.invalid");
            return;
        }
        Optional<LineaPrincipal> principal = LineaPrincipal.current();
        if (principal.isEmpty() || principal.get().membership(tenantId).isEmpty()) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "tenant.not-member");
            return;
        }
        TenantContext.set(new TenantContext.TenantScope(tenantId));
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
        }
    }
}
