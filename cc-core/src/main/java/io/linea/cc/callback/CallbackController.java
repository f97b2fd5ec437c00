package io.linea.cc.callback;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.shared.Paged;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/**
 * {@code /api/cc/callbacks}: the work list (ACD-10, ACD-14); {@code /api/cc/voicemails/{id}/audio}: a
 * message's audio (IVR-09). Dialling an item is {@code POST /api/cc/callbacks/{id}/dial} in telephony.
 */
@RestController
class CallbackController {

    private static final Logger log = LoggerFactory.getLogger(CallbackController.class);

    private final CallbackManagement management;

    CallbackController(CallbackManagement management) {
        this.management = management;
    }

    @GetMapping("/api/cc/callbacks")
    @RequiresPermission(Permissions.CALLBACKS_HANDLE)
    Paged<CallbackView> list(@RequestParam(defaultValue = "OPEN") CallbackManagement.Filter status,
            @RequestParam(required = false) CallbackView.Kind kind,
            @RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return management.list(status, kind, page, size);
    }

    @GetMapping("/api/cc/callbacks/{id}")
    @RequiresPermission(Permissions.CALLBACKS_HANDLE)
    CallbackView get(@PathVariable UUID id) {
        return management.get(id);
    }

    /** Schedules a callback for a customer at a time (ACD-10); its queue calls them back then. */
    @PostMapping("/api/cc/callbacks")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @RequiresPermission(Permissions.CALLBACKS_HANDLE)
    CallbackView schedule(@Valid @RequestBody ScheduleRequest request) {
        String number = io.linea.cc.provisioning.E164.require("number", request.number());
        if (request.preferredAt() != null
                && request.preferredAt().isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(31)))) {
            throw io.linea.cc.shared.InvalidInput.field("preferredAt", "callback.too-far");
        }
        return management.schedule(number, request.queueId(), request.preferredAt());
    }

    record ScheduleRequest(@NotNull @Size(max = 32) String number, UUID queueId, java.time.Instant preferredAt) {
    }

    @PostMapping("/api/cc/callbacks/{id}/done")
    @RequiresPermission(Permissions.CALLBACKS_HANDLE)
    CallbackView done(@PathVariable UUID id, @Valid @RequestBody DoneRequest request) {
        LineaPrincipal me = LineaPrincipal.current().orElseThrow();
        return management.done(id, request.version(), request.outcome(),
                request.note() == null || request.note().isBlank() ? null : request.note().strip(), me.personId(),
                me.displayName());
    }

    /** The audio as WAV; each playback is logged with who listened (sensitive read). */
    @GetMapping("/api/cc/voicemails/{id}/audio")
    @RequiresPermission(Permissions.CALLBACKS_HANDLE)
    ResponseEntity<byte[]> audio(@PathVariable UUID id) {
        byte[] audio = management.voicemailAudio(id);
        log.info("Voicemail {} played by {}", id, LineaPrincipal.current().map(LineaPrincipal::personId).orElse(null));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                .header("Cache-Control", "no-store").body(audio);
    }

    record DoneRequest(@NotNull CallbackView.Outcome outcome, @Size(max = 1000) String note, @NotNull Long version) {
    }
}
