package io.linea.cc.provisioning;

import java.util.UUID;

/** A number as its tenant sees it: where its calls go and the tenant's own greeting (null: the default). */
public record TenantNumberView(UUID id, String e164, NumberType type, RouteTarget target, String greeting,
        UUID queueId, int priority, long version) {
}
