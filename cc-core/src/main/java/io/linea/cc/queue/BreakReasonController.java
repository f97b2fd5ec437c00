package io.linea.cc.queue;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/break-reasons} (ACD-05). */
@RestController
@RequestMapping("/api/cc/break-reasons")
class BreakReasonController {

    private final RoutingConfiguration configuration;

    BreakReasonController(RoutingConfiguration configuration) {
        this.configuration = configuration;
    }

    @GetMapping
    @RequiresPermission(Permissions.QUEUES_VIEW)
    Paged<BreakReasonView> list(@RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return configuration.breakReasons(page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.QUEUES_MANAGE)
    BreakReasonView create(@Valid @RequestBody BreakReasonRequest request) {
        return configuration.createBreakReason(request.draft());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    BreakReasonView get(@PathVariable UUID id) {
        return configuration.breakReason(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.QUEUES_MANAGE)
    BreakReasonView update(@PathVariable UUID id, @Valid @RequestBody BreakReasonRequest request) {
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return configuration.updateBreakReason(id, request.version(), request.draft());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.QUEUES_MANAGE)
    void delete(@PathVariable UUID id) {
        configuration.deleteBreakReason(id);
    }

    record BreakReasonRequest(@NotBlank @Size(max = 100) String name, Boolean paid,
            @Min(1) @Max(480) Integer maxMinutes, Boolean enabled, Long version) {

        BreakReasonView draft() {
            return new BreakReasonView(null, name.strip(), paid != null && paid, maxMinutes, enabled == null || enabled,
                    0);
        }
    }
}
