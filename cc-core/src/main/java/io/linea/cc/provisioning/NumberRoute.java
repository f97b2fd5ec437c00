package io.linea.cc.provisioning;

import java.util.UUID;

/**
 * An assigned number as the call path needs it; {@code greeting} is the tenant's override or null;
 * {@code queueId} is set for {@link RouteTarget#QUEUE}, whose callers get {@code priority} (0 … 9).
 */
public record NumberRoute(UUID tenantId, UUID numberId, String e164, NumberType type, UUID carrierId,
        RouteTarget target, String greeting, UUID queueId, int priority) {
}
