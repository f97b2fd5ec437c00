package io.linea.cc.telephony;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.cc.shared.TimeZones;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/**
 * {@code /api/cc/me}: the signed-in agent's own calls in the current tenant and their statistics
 * (AGT-07). Agents do not see the tenant's interaction list; this is theirs only. 404 for a person who is
 * not an agent of the tenant.
 */
@RestController
@RequestMapping("/api/cc/me")
class MyCallsController {

    private final MyCalls calls;
    private final Clock clock = Clock.systemUTC();

    MyCallsController(MyCalls calls) {
        this.calls = calls;
    }

    /** {@code q}: digits of the number, or words of the notes written on the call. */
    @GetMapping("/calls")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    Paged<MyCalls.MyCall> history(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return calls.history(LineaPrincipal.current().orElseThrow().personId(), q, page, size);
    }

    /**
     * {@code days}: 1 (the last 24 hours, by hour), 7, 14 or 30 (by day, in {@code zone}, the agent's own
     * time zone); {@code serviceLevelSeconds}: how soon an answer counts as within the service level.
     */
    @GetMapping("/stats")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    MyCalls.Stats stats(@RequestParam(defaultValue = "1") int days,
            @RequestParam(required = false) @Size(max = 64) String zone,
            @RequestParam(defaultValue = "20") @Min(1) @Max(3600) int serviceLevelSeconds) {
        if (days != 1 && days != 7 && days != 14 && days != 30) {
            throw InvalidInput.field("days", "validation.invalid");
        }
        ZoneId zoneId = zone == null || zone.isBlank() ? ZoneOffset.UTC : TimeZones.require("zone", zone);
        return calls.stats(LineaPrincipal.current().orElseThrow().personId(), days, zoneId, serviceLevelSeconds,
                clock.instant());
    }
}
