package io.linea.cc.provisioning;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/numbers}: the tenant's numbers and where their calls go (TEN-02). */
@RestController
@RequestMapping("/api/cc/numbers")
class NumberController {

    private final TenantNumberManagement management;

    NumberController(TenantNumberManagement management) {
        this.management = management;
    }

    @GetMapping
    @RequiresPermission(Permissions.TELEPHONY_VIEW)
    Paged<TenantNumberView> list(@RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return management.list(page, size);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.TELEPHONY_VIEW)
    TenantNumberView get(@PathVariable UUID id) {
        return management.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.TELEPHONY_MANAGE)
    TenantNumberView update(@PathVariable UUID id, @Valid @RequestBody RouteRequest request) {
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return management.route(id, request.version(), request.target(), request.greeting(), request.queueId(),
                request.priority() == null ? 0 : request.priority());
    }

    /** The number itself is the platform's: a tenant changes only its route and greeting. */
    record RouteRequest(@NotNull RouteTarget target, @Size(max = 500) String greeting, UUID queueId,
            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(9) Integer priority,
            Long version) {
    }
}
