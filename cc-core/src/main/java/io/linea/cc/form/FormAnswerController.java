package io.linea.cc.form;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.shared.Paged;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/**
 * Filled intake forms (CRM-06): {@code POST /api/cc/interactions/{id}/forms} fills one for a call, during
 * or after it; {@code /api/cc/form-answers} reads and edits them. Agents see their own answers, holders of
 * {@code agents.monitor} all; fields hidden from the reader's roles come back without their value.
 */
@RestController
@RequestMapping("/api/cc")
class FormAnswerController {

    private final FormAnswerManagement answers;

    FormAnswerController(FormAnswerManagement answers) {
        this.answers = answers;
    }

    @PostMapping("/interactions/{id}/forms")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    AnswerView fill(@PathVariable UUID id, @Valid @RequestBody FillRequest request) {
        return answers.fill(id, request.formId(), request.clientId(), request.values(), Caller.current());
    }

    @GetMapping("/form-answers")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    Paged<AnswerView> list(@RequestParam(required = false) UUID interactionId,
            @RequestParam(required = false) UUID clientId, @RequestParam(required = false) UUID formId,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return answers.list(new FormAnswerManagement.Filter(interactionId, clientId, formId, mine), page, size,
                Caller.current());
    }

    @GetMapping("/form-answers/{id}")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    AnswerView get(@PathVariable UUID id) {
        return answers.get(id, Caller.current());
    }

    /** The values as a whole (a field left out is cleared, except those hidden from the caller) and the client. */
    @PutMapping("/form-answers/{id}")
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    AnswerView edit(@PathVariable UUID id, @Valid @RequestBody EditRequest request) {
        return answers.edit(id, request.version(), request.clientId(), request.values(), Caller.current());
    }

    @GetMapping("/form-answers/{id}/versions")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    List<AnswerView.Version> versions(@PathVariable UUID id) {
        return answers.versions(id, Caller.current());
    }

    record FillRequest(@NotNull UUID formId, UUID clientId, @Size(max = 100) Map<String, Object> values) {
    }

    record EditRequest(UUID clientId, @Size(max = 100) Map<String, Object> values, @NotNull Long version) {
    }
}
