package io.linea.cc.telephony;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.shared.Paged;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/interactions}: the tenant's calls with their events, newest first. */
@RestController
@RequestMapping("/api/cc/interactions")
class InteractionController {

    private final InteractionManagement management;

    InteractionController(InteractionManagement management) {
        this.management = management;
    }

    @GetMapping
    @RequiresPermission(Permissions.INTERACTIONS_VIEW)
    Paged<InteractionView> list(@RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            @RequestParam(required = false) @Pattern(regexp = "INBOUND|OUTBOUND") String direction) {
        return management.list(page, size, direction);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.INTERACTIONS_VIEW)
    InteractionView.Detail get(@PathVariable UUID id) {
        return management.get(id);
    }
}
