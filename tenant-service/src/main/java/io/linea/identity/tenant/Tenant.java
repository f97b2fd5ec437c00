package io.linea.identity.tenant;

import java.time.Instant;
import java.util.UUID;

/** A client organisation of the BPO. */
public record Tenant(UUID id, String slug, String displayName, String defaultLanguage, String timeZone,
        Status status, String suspendedReason, Instant createdAt) {

    public enum Status {
        ACTIVE, SUSPENDED
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
