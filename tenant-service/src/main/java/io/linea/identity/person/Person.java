package io.linea.identity.person;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.linea.platform.security.Roles;

/** One human's identity, shared by all the tenants they work for. */
public record Person(UUID id, String username, String displayName, String email, String locale, String passwordHash,
        Instant passwordChangedAt, int failedAttempts, Instant lockedUntil, String mfaSecret, Instant mfaEnrolledAt,
        String mfaPendingSecret, Long lastTotpStep, List<String> platformRoles, boolean enabled, Instant lastLoginAt,
        Instant createdAt) {

    public Person {
        platformRoles = List.copyOf(platformRoles);
    }

    public boolean mfaEnrolled() {
        return mfaSecret != null && mfaEnrolledAt != null;
    }

    public boolean locked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean platformAdmin() {
        return platformRoles.contains(Roles.PLATFORM_ADMIN);
    }
}
