package io.linea.cc.provisioning;

import java.util.UUID;

/** An assigned number as the call path needs it; {@code greeting} is the tenant's override or null. */
public record NumberRoute(UUID tenantId, UUID numberId, String e164, NumberType type, UUID carrierId,
        RouteTarget target, String greeting) {
}
