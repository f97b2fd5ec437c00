package io.linea.cc.integration;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Membership;
import io.linea.platform.tenancy.TenantContext;
import io.linea.platform.web.ProblemWriter;

/**
 * Authenticates {@code /api/integration/**} by API key (CRM-05): {@code Authorization: Bearer lnk_…} or
 * {@code X-Linea-Api-Key: lnk_…}. The request then runs as the key's tenant with its scopes only; the
 * principal is a {@link LineaPrincipal} with one membership (slug {@code api-key}) whose permissions are
 * the scopes, so the platform's tenant-header check refuses any other tenant. An unknown or revoked key
 * is a 401 problem; no key at all is left to the entry point (401 {@code auth.required}).
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Linea-Api-Key";

    private final ApiCredentials credentials;
    private final ProblemWriter problems;

    ApiKeyFilter(ApiCredentials credentials, ProblemWriter problems) {
        this.credentials = credentials;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = presented(request);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiCredentials.ApiClient> client = credentials.authenticate(secret);
        if (client.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "api-key.invalid");
            return;
        }
        ApiCredentials.ApiClient api = client.get();
        LineaPrincipal principal = new LineaPrincipal(api.credentialId(), "api-key:" + api.prefix(), api.name(), null,
                Set.of(), List.of(new Membership(api.tenantId(), ApiScopes.API_KEY, api.name(), Set.of(), api.scopes())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                api.scopes().stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s)).toList()));
        SecurityContextHolder.setContext(context);
        TenantContext.set(new TenantContext.TenantScope(api.tenantId()));
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
            SecurityContextHolder.clearContext();
        }
    }

    private static String presented(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            // a key, or something that is no key (a user's JWT): refused either way on these paths
            return token;
        }
        return null;
    }
}
