package io.linea.cc.queue;

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

import io.linea.cc.routing.Strategy;
import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/queues} (ADM-02, ACD-01 … ACD-11). */
@RestController
@RequestMapping("/api/cc/queues")
class QueueController {

    private final QueueManagement management;
    private final io.linea.cc.routing.Router router;

    QueueController(QueueManagement management, io.linea.cc.routing.Router router) {
        this.management = management;
        this.router = router;
    }

    /** A queue's live state and the forecast wait of a caller joining now (ACD-09; the wallboard's source). */
    @GetMapping("/{id}/live")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    LiveView live(@PathVariable UUID id) {
        management.get(id); // 404 for another tenant's queue
        io.linea.cc.routing.QueueSnapshot snapshot = router.snapshot(id);
        return new LiveView(snapshot.waiting(), snapshot.loggedIn(), snapshot.available(), snapshot.busy(),
                snapshot.longestWait().toSeconds(),
                router.expectedWaitToJoin(id).map(java.time.Duration::toSeconds).orElse(null));
    }

    /** {@code expectedWaitSeconds} null: nobody serves the queue, so no forecast. */
    record LiveView(int waiting, int loggedIn, int available, int busy, long longestWaitSeconds,
            Long expectedWaitSeconds) {
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

    /** The queue's agents with their skill levels there (ACD-03) and whether they are logged in (ACD-11). */
    @GetMapping("/{id}/members")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    List<QueueMemberView> members(@PathVariable UUID id) {
        return management.members(id);
    }

    @PutMapping("/{id}/members")
    @RequiresPermission(Permissions.QUEUES_MANAGE)
    List<QueueMemberView> replaceMembers(@PathVariable UUID id, @Valid @RequestBody MembersRequest request) {
        return management.replaceMembers(id, request.members().stream()
                .map(m -> new QueueMemberDraft(m.agentId(), m.skills().stream()
                        .map(s -> new QueueMemberView.SkillLevel(s.skillId(), s.level())).toList()))
                .toList());
    }

    /**
     * Create and full replace; {@code version} is required on replace (optimistic locking). Routing
     * fields left out take the defaults of {@link QueueRouting#defaults()}.
     */
    record QueueRequest(@NotBlank @Size(max = 100) String name, @Size(max = 1000) String description,
            @NotNull @Min(1) @Max(3600) Integer serviceLevelSeconds, Boolean enabled, UUID calendarId, Long version,
            Strategy strategy, @Min(0) @Max(9) Integer priority, @Min(0) @Max(3600) Integer wrapUpSeconds,
            @Min(5) @Max(120) Integer ringTimeoutSeconds, @Min(10) @Max(86400) Integer maxWaitSeconds,
            @Min(0) @Max(10000) Integer maxLength, @Min(0) @Max(365) Integer stickyDays,
            @Min(0) @Max(300) Integer stickyWaitSeconds, @Min(5) @Max(3600) Integer skillFallbackSeconds,
            Boolean selfLoginAllowed, Boolean announcePosition, Boolean announceWait,
            @Min(15) @Max(600) Integer announceIntervalSeconds, Boolean callbackOffer, Boolean callbackPreferredTime,
            Boolean voicemailOption, @Valid OverflowRequest overflow) {

        QueueDraft draft() {
            QueueRouting d = QueueRouting.defaults();
            Overflow o = overflow == null ? d.overflow() : overflow.value(d.overflow());
            QueueRouting routing = new QueueRouting(or(strategy, d.strategy()), or(priority, d.priority()),
                    or(wrapUpSeconds, d.wrapUpSeconds()), or(ringTimeoutSeconds, d.ringTimeoutSeconds()),
                    maxWaitSeconds, or(maxLength, d.maxLength()), or(stickyDays, d.stickyDays()),
                    or(stickyWaitSeconds, d.stickyWaitSeconds()), skillFallbackSeconds,
                    or(selfLoginAllowed, d.selfLoginAllowed()), or(announcePosition, d.announcePosition()),
                    or(announceWait, d.announceWait()), or(announceIntervalSeconds, d.announceIntervalSeconds()),
                    or(callbackOffer, d.callbackOffer()), or(callbackPreferredTime, d.callbackPreferredTime()),
                    or(voicemailOption, d.voicemailOption()), o);
            return new QueueDraft(name.strip(), description, serviceLevelSeconds, enabled == null || enabled,
                    calendarId, routing);
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }

    record OverflowRequest(@Valid ActionRequest closed, @Valid ActionRequest timeout, @Valid ActionRequest full,
            @Valid ActionRequest noAgents) {

        Overflow value(Overflow defaults) {
            return new Overflow(closed == null ? defaults.closed() : closed.value(),
                    timeout == null ? defaults.timeout() : timeout.value(),
                    full == null ? defaults.full() : full.value(),
                    noAgents == null ? defaults.noAgents() : noAgents.value());
        }
    }

    record ActionRequest(@NotNull OverflowAction.Type type, UUID queueId, UUID agentId, @Size(max = 32) String number,
            @Size(max = 500) String message) {

        OverflowAction value() {
            return new OverflowAction(type, queueId, agentId, number, message == null || message.isBlank() ? null
                    : message.strip());
        }
    }

    record MembersRequest(@NotNull @Size(max = 1000) List<@Valid @NotNull MemberRequest> members) {
    }

    record MemberRequest(@NotNull UUID agentId, @NotNull @Size(max = 100) List<@Valid @NotNull SkillRequest> skills) {
    }

    record SkillRequest(@NotNull UUID skillId, @NotNull @Min(1) @Max(5) Integer level) {
    }
}
