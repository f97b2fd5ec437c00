package io.linea.cc.telephony;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.provisioning.NumberType;
import io.linea.cc.provisioning.TenantNumberManagement;
import io.linea.cc.shared.InvalidInput;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/**
 * {@code POST /api/cc/calls}: an agent calls an external number with one of the tenant's numbers (TEL-05);
 * {@code GET /api/cc/calls/caller-numbers}: the numbers it may show, for agents who cannot see the
 * number configuration ({@code telephony.view}).
 */
@RestController
@RequestMapping("/api/cc/calls")
class CallController {

    /** At most this many caller numbers are offered; a tenant has a handful. */
    private static final int MAX_CALLER_NUMBERS = 200;

    private final Telephony telephony;
    private final TenantNumberManagement numbers;

    CallController(Telephony telephony, TenantNumberManagement numbers) {
        this.telephony = telephony;
        this.numbers = numbers;
    }

    @GetMapping("/caller-numbers")
    @RequiresPermission(Permissions.CALLS_PLACE)
    List<CallerNumberOption> callerNumbers() {
        return numbers.list(0, MAX_CALLER_NUMBERS).items().stream()
                .map(n -> new CallerNumberOption(n.id(), n.e164(), n.type())).toList();
    }

    record CallerNumberOption(UUID id, String e164, NumberType type) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permissions.CALLS_PLACE)
    Map<String, UUID> place(@Valid @RequestBody CallRequest request) {
        String to = e164(request.to(), "to");
        return Map.of("interactionId", telephony.place(LineaPrincipal.current().orElseThrow().personId(), request.numberId(), to));
    }

    /** An external number as typed (spaces, brackets, dashes and dots allowed), in E.164; 400 on {@code field}. */
    private static String e164(String typed, String field) {
        String number = typed.replaceAll("[\\s()\\-.]", "");
        if (!number.matches("\\+[1-9][0-9]{6,14}")) {
            throw InvalidInput.field(field, "validation.pattern");
        }
        return number;
    }

    record CallRequest(@NotNull UUID numberId, @NotBlank String to) {
    }

    /** AGT-03: {@code ATTENDED} rings the agent while the caller hears music; {@code BLIND} hands over at once. */
    record TransferRequest(@NotNull UUID agentId, @NotNull TransferMode mode) {
    }

    enum TransferMode {
        ATTENDED, BLIND
    }

    /** Rings another agent of the tenant for the call the current user talks on (AGT-03). */
    @PostMapping("/{interactionId}/transfer")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permissions.CALLS_PLACE)
    void transfer(@PathVariable UUID interactionId, @Valid @RequestBody TransferRequest request) {
        telephony.consult(LineaPrincipal.current().orElseThrow().personId(), interactionId, request.agentId(),
                request.mode() == TransferMode.BLIND);
    }

    record QueueTransferRequest(@NotNull UUID queueId) {
    }

    /**
     * Hands the call the current user talks on to a queue of the tenant (AGT-03): they go on to wrap-up, the
     * caller waits in that queue with their first arrival time.
     */
    @PostMapping("/{interactionId}/transfer-to-queue")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permissions.CALLS_PLACE)
    void transferToQueue(@PathVariable UUID interactionId, @Valid @RequestBody QueueTransferRequest request) {
        telephony.transferToQueue(LineaPrincipal.current().orElseThrow().personId(), interactionId,
                request.queueId());
    }

    record NumberTransferRequest(@NotBlank String number) {
    }

    /**
     * Hands the call the current user talks on to an external number through the tenant number's carrier
     * (AGT-03, blind): they go on to wrap-up, the caller hears music until the number answers.
     */
    @PostMapping("/{interactionId}/transfer-to-number")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permissions.CALLS_PLACE)
    void transferToNumber(@PathVariable UUID interactionId, @Valid @RequestBody NumberTransferRequest request) {
        telephony.transferToNumber(LineaPrincipal.current().orElseThrow().personId(), interactionId,
                e164(request.number(), "number"));
    }

    /**
     * The current user's transfer of the call: {@code NONE}, {@code RINGING}, {@code TALKING} (consulting) or
     * {@code CONFERENCE}, with the consulted agent (AGT-03); 404 when the call is over.
     */
    @GetMapping("/{interactionId}/transfer")
    @RequiresPermission(Permissions.CALLS_PLACE)
    CallEngine.TransferState transferState(@PathVariable UUID interactionId) {
        return telephony.transferState(LineaPrincipal.current().orElseThrow().personId(), interactionId);
    }

    /** The consulted agent gets the call; the current user leaves it (AGT-03). */
    @PostMapping("/{interactionId}/transfer/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.CALLS_PLACE)
    void complete(@PathVariable UUID interactionId) {
        telephony.transferStep(LineaPrincipal.current().orElseThrow().personId(), interactionId,
                CallEngine.TransferStep.COMPLETE);
    }

    /** The consulted agent's leg ends; the current user is back with the caller (AGT-03). */
    @PostMapping("/{interactionId}/transfer/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.CALLS_PLACE)
    void cancel(@PathVariable UUID interactionId) {
        telephony.transferStep(LineaPrincipal.current().orElseThrow().personId(), interactionId,
                CallEngine.TransferStep.CANCEL);
    }

    /** Caller, current user and consulted agent talk together (AGT-02 three-way conference). */
    @PostMapping("/{interactionId}/transfer/conference")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.CALLS_PLACE)
    void conference(@PathVariable UUID interactionId) {
        telephony.transferStep(LineaPrincipal.current().orElseThrow().personId(), interactionId,
                CallEngine.TransferStep.CONFERENCE);
    }

    /**
     * The current user leaves the call: their own leg is hung up as their phone's BYE would (AGT-02). The
     * softphone uses it when it hangs up while its connection to Asterisk is lost.
     */
    @PostMapping("/{interactionId}/hangup")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.CALLS_PLACE)
    void hangup(@PathVariable UUID interactionId) {
        telephony.hangup(LineaPrincipal.current().orElseThrow().personId(), interactionId);
    }
}
