package io.linea.cc.integration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API credential as its tenant's admins see it: never its secret (CRM-05). */
record ApiCredentialView(UUID id, String name, String prefix, List<String> scopes, Instant createdAt, UUID createdBy,
        Instant lastUsedAt, Instant revokedAt) {

    /** The answer to a create: the only time the secret is shown. */
    record Created(UUID id, String name, String prefix, List<String> scopes, Instant createdAt, UUID createdBy,
            Instant lastUsedAt, Instant revokedAt, String secret) {

        static Created of(ApiCredentialView view, String secret) {
            return new Created(view.id(), view.name(), view.prefix(), view.scopes(), view.createdAt(), view.createdBy(),
                    view.lastUsedAt(), view.revokedAt(), secret);
        }
    }
}
