package io.linea.cc.routing;

import java.util.UUID;

/**
 * Published by the queue configuration after commit: the queue's rules or members changed, or it was
 * deleted ({@code queueId} no longer exists), so the router reloads it.
 */
public record RoutingConfigChanged(UUID tenantId, UUID queueId) {
}
