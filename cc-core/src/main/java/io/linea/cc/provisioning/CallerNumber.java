package io.linea.cc.provisioning;

import java.util.UUID;

/** A tenant number and the carrier that carries it. */
public record CallerNumber(UUID tenantId, UUID numberId, String e164, CarrierConfig carrier) {
}
