package io.linea.identity.users;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.linea.identity.person.MembershipStore;

/** A member of the tenant as tenant admins see them ({@code id} is the person id). */
public record UserView(UUID id, String username, String displayName, String email, String locale, List<String> roles,
        List<String> extraPermissions, boolean enabled, boolean locked, boolean mfaEnrolled, Instant lastLoginAt) {

    static UserView of(MembershipStore.Member member) {
        var person = member.person();
        return new UserView(person.id(), person.username(), person.displayName(), person.email(), person.locale(),
                member.roles(), member.extraPermissions(), member.enabled() && person.enabled(),
                person.locked(Instant.now()), person.mfaEnrolled(), person.lastLoginAt());
    }
}
