package io.linea.cc.crm;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.shared.InvalidInput;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/client-fields}: the custom fields of the tenant's client card (CRM-02). */
@RestController
@RequestMapping("/api/cc/client-fields")
class ClientFieldController {

    private final CrmConfiguration configuration;

    ClientFieldController(CrmConfiguration configuration) {
        this.configuration = configuration;
    }

    @GetMapping
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    List<ClientFieldView> list() {
        return configuration.fields();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.CRM_CONFIGURE)
    ClientFieldView create(@Valid @RequestBody FieldRequest request) {
        return configuration.createField(request.view());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    ClientFieldView get(@PathVariable UUID id) {
        return configuration.field(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.CRM_CONFIGURE)
    ClientFieldView update(@PathVariable UUID id, @Valid @RequestBody FieldRequest request) {
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return configuration.updateField(id, request.version(), request.view());
    }

    /** The field's values go with it, from every card. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.CRM_CONFIGURE)
    void delete(@PathVariable UUID id) {
        configuration.deleteField(id);
    }

    record FieldRequest(@NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,39}") String key,
            @NotBlank @Size(max = 100) String label, @NotNull ClientFieldView.Type type, Boolean required,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> options, @PositiveOrZero @Max(1000) Integer position,
            Long version) {

        ClientFieldView view() {
            return new ClientFieldView(null, key, label.strip(), type, Boolean.TRUE.equals(required), options,
                    position == null ? -1 : position, 0);
        }
    }
}
