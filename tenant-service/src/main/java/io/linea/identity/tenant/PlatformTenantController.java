package io.linea.identity.tenant;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linea.platform.security.PlatformAdminOnly;

/** Platform administration of tenants (TEN-05). */
@RestController
@RequestMapping("/api/identity/platform/tenants")
@PlatformAdminOnly
public class PlatformTenantController {

    private final TenantService tenants;

    public PlatformTenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    public record CreateTenant(@NotBlank @Pattern(regexp = "^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$") String slug,
            @NotBlank @Size(max = 200) String displayName, @Size(max = 10) String defaultLanguage,
            @Size(max = 64) String timeZone) {
    }

    public record Suspension(@Size(max = 500) String reason) {
    }

    @GetMapping
    public List<Tenant> list() {
        return tenants.all();
    }

    @PostMapping
    public ResponseEntity<Tenant> create(@Valid @RequestBody CreateTenant body) {
        Tenant tenant = tenants.create(UUID.randomUUID(), body.slug(), body.displayName(), body.defaultLanguage(),
                body.timeZone(), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(tenant);
    }

    @GetMapping("/{id}")
    public Tenant get(@PathVariable UUID id) {
        return tenants.get(id);
    }

    @PostMapping("/{id}/suspend")
    public Tenant suspend(@PathVariable UUID id, @Valid @RequestBody(required = false) Suspension body) {
        return tenants.suspend(id, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/reactivate")
    public Tenant reactivate(@PathVariable UUID id) {
        return tenants.reactivate(id);
    }
}
