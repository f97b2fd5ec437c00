package io.linea.cc.ticket;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/ticket-settings}: ticket calendar, SLA targets, escalation rules, hand-off (HD-01, HD-02). */
@RestController
@RequestMapping("/api/cc/ticket-settings")
class TicketSettingsController {

    private final TicketSettingsManagement settings;
    private final TicketManagement tickets;

    TicketSettingsController(TicketSettingsManagement settings, TicketManagement tickets) {
        this.settings = settings;
        this.tickets = tickets;
    }

    @GetMapping
    @RequiresPermission(Permissions.TICKETS_MANAGE)
    TicketSettingsView get() {
        return settings.current();
    }

    /** A full replace; open tickets are re-timed with the new calendar and targets. */
    @PutMapping
    @RequiresPermission(Permissions.TICKETS_MANAGE)
    TicketSettingsView change(@Valid @RequestBody SettingsRequest request) {
        Map<TicketPriority, TicketSettingsView.Targets> targets = new EnumMap<>(TicketPriority.class);
        request.policies().forEach((priority, t) -> targets.put(priority,
                new TicketSettingsView.Targets(t.firstResponseMinutes(), t.resolutionMinutes())));
        List<TicketSettingsView.Rule> rules = request.escalation() == null ? List.of()
                : request.escalation().stream().map(r -> new TicketSettingsView.Rule(r.id(), r.name(), r.of(),
                        r.point(), r.businessMinutes(), r.raisePriorityTo(), r.webhookUrl(), r.notifyEmails())).toList();
        HandoffRequest h = request.handoff();
        return tickets.changeSettings(new TicketSettingsManagement.Change(request.calendarId(), targets, rules,
                h == null ? null : new TicketSettingsManagement.HandoffChange(h.url(), h.headerName(), h.headerValue(),
                        h.onStatus()),
                request.version()));
    }

    record SettingsRequest(UUID calendarId, @NotNull Map<TicketPriority, @Valid @NotNull TargetsRequest> policies,
            @Size(max = 50) List<@Valid @NotNull RuleRequest> escalation, @Valid HandoffRequest handoff,
            @NotNull Long version) {
    }

    record TargetsRequest(@NotNull @Min(1) @Max(525600) Integer firstResponseMinutes,
            @NotNull @Min(1) @Max(525600) Integer resolutionMinutes) {
    }

    /**
     * {@code of}: the timer watched; {@code point}: where on it, {@code businessMinutes} away; the actions:
     * raise the priority, call a webhook, e-mail {@code notifyEmails} (HD-01).
     */
    record RuleRequest(UUID id, @NotBlank @Size(max = 100) String name, @NotNull EscalationTimer of,
            @NotNull EscalationPoint point, @NotNull @Min(0) @Max(525600) Integer businessMinutes,
            TicketPriority raisePriorityTo, @Size(max = 2000) String webhookUrl,
            @Size(max = 20) List<@NotNull @Size(max = 254) String> notifyEmails) {
    }

    /** {@code headerValue} is write-only: leave it out to keep the stored secret. */
    record HandoffRequest(@NotBlank @Size(max = 2000) String url,
            @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9-]+") String headerName, @Size(max = 500) String headerValue,
            TicketStatus onStatus) {
    }
}
