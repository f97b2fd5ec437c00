package io.linea.cc.provisioning;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** {@code /api/cc/agents}: the tenant's agents, how they are reached, and their SIP credentials (TEL-04). */
@RestController
@RequestMapping("/api/cc/agents")
class AgentController {

    private final AgentManagement management;

    AgentController(AgentManagement management) {
        this.management = management;
    }

    @GetMapping
    @RequiresPermission(Permissions.TELEPHONY_VIEW)
    Paged<AgentView> list(@RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return management.list(page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.TELEPHONY_MANAGE)
    AgentView create(@Valid @RequestBody AgentRequest request) {
        return management.create(request.draft());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.TELEPHONY_VIEW)
    AgentView get(@PathVariable UUID id) {
        return management.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.TELEPHONY_MANAGE)
    AgentView update(@PathVariable UUID id, @Valid @RequestBody AgentRequest request) {
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return management.update(id, request.version(), request.draft());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.TELEPHONY_MANAGE)
    void delete(@PathVariable UUID id) {
        management.delete(id);
    }

    /** The only answer that ever carries the password. */
    @PostMapping("/{id}/credentials")
    @RequiresPermission(Permissions.TELEPHONY_MANAGE)
    ResponseEntity<AgentCredentials> issueCredentials(@PathVariable UUID id) {
        // no-store: the password must not linger in a browser or proxy cache
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(management.issueCredentials(id));
    }

    @DeleteMapping("/{id}/credentials")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.TELEPHONY_MANAGE)
    void revokeCredentials(@PathVariable UUID id) {
        management.revokeCredentials(id);
    }

    /** Create and full replace; {@code version} is required on replace (optimistic locking). */
    record AgentRequest(@NotBlank @Size(max = 100) String displayName, UUID userId, @NotNull AgentReach reach,
            @Size(max = 32) String mobileE164, @NotNull Boolean available, @Valid CapacityRequest capacity,
            Long version) {

        AgentDraft draft() {
            return new AgentDraft(displayName, userId, reach, mobileE164, available,
                    capacity == null ? null : capacity.capacity());
        }
    }

    /** ACD-05, ACD-11: interactions at once per medium; a missing number keeps the default. */
    record CapacityRequest(@Min(0) @Max(AgentCapacity.MAX_VOICE) Integer voice,
            @Min(0) @Max(AgentCapacity.MAX_CHAT) Integer chat, @Min(0) @Max(AgentCapacity.MAX_EMAIL) Integer email,
            @Min(0) @Max(AgentCapacity.MAX_SMS) Integer sms, @Min(0) @Max(AgentCapacity.MAX_SOCIAL) Integer social,
            Boolean blended) {

        AgentCapacity capacity() {
            AgentCapacity d = AgentCapacity.DEFAULT;
            return new AgentCapacity(or(voice, d.voice()), or(chat, d.chat()), or(email, d.email()), or(sms, d.sms()),
                    or(social, d.social()), blended == null ? d.blended() : blended);
        }

        private static int or(Integer value, int fallback) {
            return value == null ? fallback : value;
        }
    }
}
