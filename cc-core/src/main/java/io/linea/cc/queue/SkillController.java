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

/** {@code /api/cc/skills} (ACD-03). */
@RestController
@RequestMapping("/api/cc/skills")
class SkillController {

    private final RoutingConfiguration configuration;

    SkillController(RoutingConfiguration configuration) {
        this.configuration = configuration;
    }

    @GetMapping
    @RequiresPermission(Permissions.QUEUES_VIEW)
    Paged<SkillView> list(@RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return configuration.skills(page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.QUEUES_MANAGE)
    SkillView create(@Valid @RequestBody SkillRequest request) {
        return configuration.createSkill(request.name().strip(), request.description());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    SkillView get(@PathVariable UUID id) {
        return configuration.skill(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.QUEUES_MANAGE)
    SkillView update(@PathVariable UUID id, @Valid @RequestBody SkillRequest request) {
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return configuration.updateSkill(id, request.version(), request.name().strip(), request.description());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.QUEUES_MANAGE)
    void delete(@PathVariable UUID id) {
        configuration.deleteSkill(id);
    }

    record SkillRequest(@NotBlank @Size(max = 100) String name, @Size(max = 500) String description, Long version) {
    }
}
