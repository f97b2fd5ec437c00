package io.linea.identity.login;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A sign-in in progress, kept in the HTTP session between its steps: the password was right, and the
 * person still has to pass (or enrol in) MFA and/or change an expired password. It is not an
 * authentication: nothing but the next login step accepts it.
 */
public record PendingLogin(UUID personId, String username, Stage stage, boolean passwordExpired, String enrolSecret,
        Instant startedAt) implements Serializable {

    public static final String SESSION_KEY = PendingLogin.class.getName();
    public static final Duration MAX_AGE = Duration.ofMinutes(10);

    public enum Stage {
        MFA, MFA_ENROL, PASSWORD, DONE
    }

    public boolean expired(Instant now) {
        return startedAt.plus(MAX_AGE).isBefore(now);
    }

    public PendingLogin withStage(Stage next) {
        return new PendingLogin(personId, username, next, passwordExpired, enrolSecret, startedAt);
    }

    public PendingLogin withEnrolSecret(String secret) {
        return new PendingLogin(personId, username, stage, passwordExpired, secret, startedAt);
    }

    /** The step after MFA: the forced password change, or done. */
    public PendingLogin afterMfa() {
        return withStage(passwordExpired ? Stage.PASSWORD : Stage.DONE);
    }
}
