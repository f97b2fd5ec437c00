package io.linea.cc.provisioning;

import java.util.UUID;

/** A number of the inventory as the platform API shows it; {@code tenantId} null when unassigned. */
public record NumberView(UUID id, String e164, NumberType type, UUID carrierId, String carrierName, UUID tenantId,
        long version) {
}
