package io.linea.cc.queue;

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
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/queues} (ADM-02). */
@RestController
@RequestMapping("/api/cc/queues")
class QueueController {

    private final QueueManagement management;

    QueueController(QueueManagement management) {
        this.management = management;
    }

    @GetMapping
    @RequiresPermission(Permissions.QUEUES_VIEW)
    Paged<QueueView> list(@RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return management.list(page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.QUEUES_MANAGE)
    QueueView create(@Valid @RequestBody QueueRequest request) {
        return management.create(request.draft());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    QueueView get(@PathVariable UUID id) {
        return management.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.QUEUES_MANAGE)
    QueueView update(@PathVariable UUID id, @Valid @RequestBody QueueRequest request) {
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return management.update(id, request.version(), request.draft());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.QUEUES_MANAGE)
    void delete(@PathVariable UUID id) {
        management.delete(id);
    }

    /** Create and full replace; {@code version} is required on replace (optimistic locking). */
    record QueueRequest(@NotBlank @Size(max = 100) String name, @Size(max = 1000) String description,
            @NotNull @Min(1) @Max(3600) Integer serviceLevelSeconds, Boolean enabled, UUID calendarId, Long version) {

        QueueDraft draft() {
            return new QueueDraft(name.strip(), description, serviceLevelSeconds, enabled == null || enabled,
                    calendarId);
        }
    }
}
