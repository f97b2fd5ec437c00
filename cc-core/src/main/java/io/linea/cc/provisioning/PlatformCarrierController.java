package io.linea.cc.provisioning;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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

/** {@code /api/cc/platform/carriers}: the platform admin's SIP trunks (TEL-02). */
@RestController
@RequestMapping("/api/cc/platform/carriers")
@PlatformAdminOnly
class PlatformCarrierController {

    private final CarrierManagement management;

    PlatformCarrierController(CarrierManagement management) {
        this.management = management;
    }

    @GetMapping
    Paged<CarrierView> list(@RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return management.list(page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CarrierView create(@Valid @RequestBody CarrierRequest request) {
        return management.create(request.draft());
    }

    @GetMapping("/{id}")
    CarrierView get(@PathVariable UUID id) {
        return management.get(id);
    }

    @PutMapping("/{id}")
    CarrierView update(@PathVariable UUID id, @Valid @RequestBody CarrierRequest request) {
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

    /**
     * Create and full replace; {@code password} absent or null keeps the stored one, "" removes it;
     * {@code version} is required on replace (optimistic locking).
     */
    record CarrierRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 253) String host,
            @NotNull @Min(1) @Max(65535) Integer port, @NotBlank String transport, @Size(max = 100) String username,
            @Size(max = 200) String password, @NotEmpty @Size(max = 4) List<@NotNull String> codecs,
            @Size(max = 50) List<@NotNull String> matchCidrs, Boolean enabled, Long version) {

        CarrierDraft draft() {
            return new CarrierDraft(name, host, port, transport, username, password, codecs,
                    matchCidrs == null ? List.of() : matchCidrs, enabled == null || enabled);
        }
    }
}
