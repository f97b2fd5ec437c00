package io.linea.cc.form;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/**
 * Categories (dispositions) of interactions (AGT-05): {@code /api/cc/categories} defines them,
 * {@code /api/cc/interactions/{id}/categories} sets them on a contact and shows their audited history,
 * {@code /api/cc/categories/counts} counts them per period (RPT-07).
 * <p>
 * Defining categories takes {@code crm.configure} or {@code agents.monitor}: AGT-05 has supervisors set
 * them, and the supervisor role holds {@code agents.monitor} but not {@code crm.configure}. The route
 * itself asks for {@code clients.view}, the permission of every reader, and the handler checks the rest.
 */
@RestController
@RequestMapping("/api/cc")
class CategoryController {

    private final CategoryManagement categories;

    CategoryController(CategoryManagement categories) {
        this.categories = categories;
    }

    @GetMapping("/categories")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    List<CategoryView> list(@RequestParam(required = false) Boolean active) {
        return categories.list(active);
    }

    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    CategoryView create(@Valid @RequestBody CategoryRequest request) {
        Caller.current().requireAny(Permissions.CRM_CONFIGURE, Permissions.AGENTS_MONITOR);
        return categories.create(request.name().strip(), request.parentId(), request.activeOrTrue(),
                request.positionOrZero());
    }

    /** Interactions per category in [from, to) by start time (RPT-07); ISO-8601 instants, default the last 30 days. */
    @GetMapping("/categories/counts")
    @RequiresPermission(Permissions.REPORTS_VIEW)
    CategoryCounts counts(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return categories.counts(from, to);
    }

    @GetMapping("/categories/{id}")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    CategoryView get(@PathVariable UUID id) {
        return categories.get(id);
    }

    @PutMapping("/categories/{id}")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    CategoryView update(@PathVariable UUID id, @Valid @RequestBody CategoryRequest request) {
        Caller.current().requireAny(Permissions.CRM_CONFIGURE, Permissions.AGENTS_MONITOR);
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return categories.update(id, request.version(), request.name().strip(), request.parentId(),
                request.activeOrTrue(), request.positionOrZero());
    }

    /** Only a category no interaction carries now; deactivate one in use. */
    @DeleteMapping("/categories/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    void delete(@PathVariable UUID id) {
        Caller.current().requireAny(Permissions.CRM_CONFIGURE, Permissions.AGENTS_MONITOR);
        categories.delete(id);
    }

    @GetMapping("/interactions/{id}/categories")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    InteractionCategoriesView ofInteraction(@PathVariable UUID id) {
        return categories.of(id);
    }

    /** The interaction's categories as a whole, during or after the contact; every change is audited. */
    @PutMapping("/interactions/{id}/categories")
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    InteractionCategoriesView assign(@PathVariable UUID id, @Valid @RequestBody AssignRequest request) {
        return categories.assign(id, request.categoryIds(), request.note(), Caller.current());
    }

    record CategoryRequest(@NotBlank @Size(max = 200) String name, UUID parentId, Boolean active,
            @Min(0) @Max(100000) Integer position, Long version) {

        boolean activeOrTrue() {
            return !Boolean.FALSE.equals(active);
        }

        int positionOrZero() {
            return position == null ? 0 : position;
        }
    }

    record AssignRequest(@NotNull @Size(max = CategoryManagement.MAX_PER_INTERACTION) List<@NotNull UUID> categoryIds,
            @Size(max = 2000) String note) {
    }
}
