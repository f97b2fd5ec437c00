package io.linea.cc.telephony;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.callback.CallbackManagement;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/**
 * {@code POST /api/cc/callbacks/{id}/dial}: an agent calls a work-list item's caller back (ACD-14) with
 * one of the tenant's numbers as caller ID. The attempt is counted once the agent's leg rings; the
 * outcome is recorded separately ({@code /done}).
 */
@RestController
class CallbackDialController {

    private final Telephony telephony;
    private final CallbackManagement callbacks;

    CallbackDialController(Telephony telephony, CallbackManagement callbacks) {
        this.telephony = telephony;
        this.callbacks = callbacks;
    }

    @PostMapping("/api/cc/callbacks/{id}/dial")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permissions.CALLBACKS_HANDLE)
    Map<String, UUID> dial(@PathVariable UUID id, @Valid @RequestBody DialRequest request) {
        String number = callbacks.numberToDial(id);
        UUID interaction = telephony.place(LineaPrincipal.current().orElseThrow().personId(), request.numberId(),
                number);
        callbacks.attempted(id);
        return Map.of("interactionId", interaction);
    }

    record DialRequest(@NotNull UUID numberId) {
    }
}
