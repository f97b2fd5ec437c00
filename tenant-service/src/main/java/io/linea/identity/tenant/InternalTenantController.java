package io.linea.identity.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.linea.identity.support.IdentitySettings;
import io.linea.platform.problem.LineaProblemException;

/**
 * {@code GET /internal/tenants/status} for the gateway: every tenant's status. Guarded by
 * {@code X-Linea-Internal-Token}; when no token is configured every call is refused.
 */
@RestController
public class InternalTenantController {

    public static final String TOKEN_HEADER = "X-Linea-Internal-Token";

    private final TenantService tenants;
    private final IdentitySettings settings;

    public InternalTenantController(TenantService tenants, IdentitySettings settings) {
        this.tenants = tenants;
        this.settings = settings;
    }

    public record TenantStatus(UUID id, String slug, Tenant.Status status) {
    }

    @GetMapping("/internal/tenants/status")
    public List<TenantStatus> status(@RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        if (!authorised(token)) {
            throw new LineaProblemException(HttpStatus.UNAUTHORIZED, "internal.denied");
        }
        return tenants.all().stream().map(t -> new TenantStatus(t.id(), t.slug(), t.status())).toList();
    }

    boolean authorised(String token) {
        String expected = settings.internalToken();
        if (expected == null || expected.isBlank() || token == null || token.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
