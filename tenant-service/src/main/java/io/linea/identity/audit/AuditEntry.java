package io.linea.identity.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One audit log entry as the API shows it. */
public record AuditEntry(UUID id, Instant occurredAt, String type, String outcome, UUID actorId, String actorName,
        UUID tenantId, String sourceIp, String userAgent, Map<String, Object> details) {
}
