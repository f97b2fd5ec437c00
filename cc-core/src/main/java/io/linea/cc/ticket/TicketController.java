package io.linea.cc.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/tickets}: help-desk tickets, their comments and history (HD-01), hand-off (HD-02). */
@RestController
@RequestMapping("/api/cc/tickets")
class TicketController {

    private final TicketManagement management;

    TicketController(TicketManagement management) {
        this.management = management;
    }

    @GetMapping
    @RequiresPermission(Permissions.TICKETS_HANDLE)
    Paged<TicketView> list(@RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) TicketPriority priority, @RequestParam(required = false) UUID assignee,
            @RequestParam(required = false) @Size(max = 100) String group,
            @RequestParam(required = false) UUID clientId, @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            @RequestParam(required = false) @Size(max = 40) String sort) {
        return management.list(new TicketManagement.Filter(status, priority, assignee, group, clientId, q), page, size,
                sort);
    }

    /** Creates a ticket; with {@code interactionIds} it is a ticket made from those calls or chats. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.TICKETS_HANDLE)
    TicketView create(@Valid @RequestBody CreateRequest request) {
        return management.create(new TicketDraft(request.subject().strip(), request.description(), null,
                request.priority(), request.assigneeId(), blankToNull(request.group()), request.clientId(),
                request.interactionIds(), request.resolutionDue()), actor());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.TICKETS_HANDLE)
    TicketView get(@PathVariable UUID id) {
        return management.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.TICKETS_HANDLE)
    TicketView update(@PathVariable UUID id, @Valid @RequestBody UpdateRequest request) {
        return management.update(id, request.version(), new TicketDraft(request.subject().strip(),
                request.description(), request.status(), request.priority(), request.assigneeId(),
                blankToNull(request.group()), request.clientId(), request.interactionIds(), request.resolutionDue()),
                actor());
    }

    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.TICKETS_HANDLE)
    TicketCommentView comment(@PathVariable UUID id, @Valid @RequestBody CommentRequest request) {
        return management.comment(id, request.text().strip(), Boolean.TRUE.equals(request.internal()), actor());
    }

    @GetMapping("/{id}/comments")
    @RequiresPermission(Permissions.TICKETS_HANDLE)
    List<TicketCommentView> comments(@PathVariable UUID id) {
        return management.comments(id);
    }

    @GetMapping("/{id}/events")
    @RequiresPermission(Permissions.TICKETS_HANDLE)
    List<TicketEventView> events(@PathVariable UUID id) {
        return management.events(id);
    }

    /** Sends the ticket to the tenant's records system now (HD-02); the outcome is on the returned ticket. */
    @PostMapping("/{id}/handoff")
    @RequiresPermission(Permissions.TICKETS_HANDLE)
    TicketView handoff(@PathVariable UUID id) {
        return management.handoff(id, actor());
    }

    private static Actor actor() {
        return LineaPrincipal.current().map(me -> new Actor(me.personId(), me.displayName())).orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record CreateRequest(@NotBlank @Size(max = 200) String subject, @Size(max = 10000) String description,
            TicketPriority priority, UUID assigneeId, @Size(max = 100) String group, UUID clientId,
            @Size(max = 20) List<@NotNull UUID> interactionIds, Instant resolutionDue) {
    }

    /** A full replace; {@code version} is the one read (optimistic locking). */
    record UpdateRequest(@NotBlank @Size(max = 200) String subject, @Size(max = 10000) String description,
            @NotNull TicketStatus status, @NotNull TicketPriority priority, UUID assigneeId,
            @Size(max = 100) String group, UUID clientId, @Size(max = 20) List<@NotNull UUID> interactionIds,
            Instant resolutionDue, @NotNull Long version) {
    }

    record CommentRequest(@NotBlank @Size(max = 10000) String text, Boolean internal) {
    }
}
