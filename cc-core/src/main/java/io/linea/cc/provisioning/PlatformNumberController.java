package io.linea.cc.provisioning;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import io.linea.platform.security.PlatformAdminOnly;

/** {@code /api/cc/platform/numbers}: the number inventory and its assignment to tenants (TEN-02). */
@RestController
@RequestMapping("/api/cc/platform/numbers")
@PlatformAdminOnly
class PlatformNumberController {

    private final NumberManagement management;

    PlatformNumberController(NumberManagement management) {
        this.management = management;
    }

    @GetMapping
    Paged<NumberView> list(@RequestParam(required = false) @Size(max = 32) String q,
            @RequestParam(required = false) UUID tenantId,
            @RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return management.list(q, tenantId, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NumberView create(@Valid @RequestBody NumberRequest request) {
        return management.create(request.draft());
    }

    @GetMapping("/{id}")
    NumberView get(@PathVariable UUID id) {
        return management.get(id);
    }

    @PutMapping("/{id}")
    NumberView update(@PathVariable UUID id, @Valid @RequestBody NumberRequest request) {
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return management.update(id, request.version(), request.draft());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        management.delete(id);
    }

    /** Create and full replace; {@code tenantId} absent or null leaves the number unassigned. */
    record NumberRequest(@NotBlank @Size(max = 32) String e164, @NotNull NumberType type, @NotNull UUID carrierId,
            UUID tenantId, Long version) {

        NumberDraft draft() {
            return new NumberDraft(e164, type, carrierId, tenantId);
        }
    }
}
