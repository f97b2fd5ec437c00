package io.linea.cc.form;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import io.linea.cc.crm.ClientFieldView;
import io.linea.cc.shared.InvalidInput;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/forms}: the form designer (CRM-02). Agents read forms to fill them; {@code crm.configure} changes them. */
@RestController
@RequestMapping("/api/cc/forms")
class FormController {

    private final FormManagement forms;

    FormController(FormManagement forms) {
        this.forms = forms;
    }

    @GetMapping
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    List<FormView> list(@RequestParam(required = false) Boolean active) {
        return forms.list(active);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.CRM_CONFIGURE)
    FormView create(@Valid @RequestBody FormRequest request) {
        return forms.create(request.draft(), Caller.current());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    FormView get(@PathVariable UUID id) {
        return forms.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.CRM_CONFIGURE)
    FormView update(@PathVariable UUID id, @Valid @RequestBody FormRequest request) {
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return forms.update(id, request.version(), request.draft(), Caller.current());
    }

    /** Only a form without answers; deactivate one that has them. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.CRM_CONFIGURE)
    void delete(@PathVariable UUID id) {
        forms.delete(id);
    }

    record FormRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description, Boolean active,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid FieldRequest> fields, Long version) {

        FormDraft draft() {
            return new FormDraft(name.strip(), description == null || description.isBlank() ? null : description.strip(),
                    !Boolean.FALSE.equals(active), fields.stream().map(FieldRequest::field).toList());
        }
    }

    record FieldRequest(@NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,39}") String key,
            @NotBlank @Size(max = 200) String label, @NotNull ClientFieldView.Type type, Boolean required,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> options, @Min(0) @Max(1000) Integer position,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> visibleTo) {

        FormField field() {
            return new FormField(key, label, type, Boolean.TRUE.equals(required), options,
                    position == null ? -1 : position, visibleTo);
        }
    }
}
