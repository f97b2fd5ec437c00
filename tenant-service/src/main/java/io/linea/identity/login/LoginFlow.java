package io.linea.identity.login;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.linea.identity.audit.AuditLog;
import io.linea.identity.person.MembershipView;
import io.linea.identity.person.PasswordService;
import io.linea.identity.person.Person;
import io.linea.identity.person.PersonStore;
import io.linea.identity.policy.MfaMode;
import io.linea.identity.policy.PasswordRules;
import io.linea.identity.policy.PolicyStore;
import io.linea.identity.policy.TenantPolicy;
import io.linea.identity.support.RequestInfo;
import io.linea.identity.support.Tx;

/**
 * The sign-in rules (SEC-01, SEC-02, TEN-05): password with lockout, refusal of disabled people and of
 * people whose every tenant is suspended, MFA when a tenant's policy requires it (unless the request
 * comes from a network every such tenant trusts), forced change of an expired password. Every outcome
 * is audited.
 */
@Service
public class LoginFlow {

    /** A step's result: either the next step, or a message (code and arguments) for the page. */
    public sealed interface Outcome permits Next, Refused {
    }

    public record Next(PendingLogin pending) implements Outcome {
    }

    public record Refused(String messageCode, Object... args) implements Outcome {
    }

    private final PersonStore people;
    private final PolicyStore policies;
    private final PasswordService passwords;
    private final LoginAudit audit;
    private final Totp totp;
    private final Tx tx;

    public LoginFlow(PersonStore people, PolicyStore policies, PasswordService passwords, LoginAudit audit, Totp totp,
            Tx tx) {
        this.people = people;
        this.policies = policies;
        this.passwords = passwords;
        this.audit = audit;
        this.totp = totp;
        this.tx = tx;
    }

    /** Step 1: username and password. */
    public Outcome password(String username, String password, RequestInfo request) {
        return tx.platform(() -> {
            Instant now = Instant.now();
            Optional<Person> found = people.findByUsername(username);
            if (found.isEmpty()) {
                passwords.burnTime(password);
                audit.record(null, username, List.of(), "login.failed", AuditLog.FAILURE, "unknown-user", request,
                        null);
                return new Refused("login.error.invalid");
            }
            Person person = people.findForUpdate(found.get().id()).orElseThrow();
            List<MembershipView> memberships = people.memberships(person.id());
            PasswordRules rules = passwords.rulesFor(person.id());
            if (person.locked(now)) {
                passwords.burnTime(password);
                audit.record(person, null, memberships, "login.failed", AuditLog.FAILURE, "locked", request, null);
                return new Refused("login.error.locked", person.lockedUntil());
            }
            if (!passwords.matches(password, person.passwordHash())) {
                return badCredential(person, memberships, rules, "bad-password", request, now);
            }
            if (!person.enabled()) {
                audit.record(person, null, memberships, "login.failed", AuditLog.FAILURE, "disabled", request, null);
                return new Refused("login.error.disabled");
            }
            List<MembershipView> usable = memberships.stream().filter(MembershipView::usable).toList();
            if (usable.isEmpty() && !person.platformAdmin()) {
                List<String> suspended = memberships.stream()
                        .filter(m -> m.enabled() && !m.usable()).map(MembershipView::tenantName).toList();
                if (!suspended.isEmpty()) {
                    audit.record(person, null, memberships, "login.failed", AuditLog.FAILURE, "tenant-suspended",
                            request, Map.of("tenants", suspended));
                    return new Refused("login.error.suspended", String.join(", ", suspended));
                }
                audit.record(person, null, memberships, "login.failed", AuditLog.FAILURE, "disabled", request, null);
                return new Refused("login.error.disabled");
            }
            boolean expired = rules.expired(person.passwordChangedAt(), now);
            PendingLogin.Stage stage;
            if (mfaRequired(usable, request.sourceIp())) {
                stage = person.mfaEnrolled() ? PendingLogin.Stage.MFA : PendingLogin.Stage.MFA_ENROL;
            } else {
                stage = expired ? PendingLogin.Stage.PASSWORD : PendingLogin.Stage.DONE;
            }
            return new Next(new PendingLogin(person.id(), person.username(), stage, expired, null, now));
        });
    }

    /** MFA is required by a tenant with mode ALL, or ADMINS for a tenant admin or supervisor, unless every such tenant trusts the source network. */
    boolean mfaRequired(List<MembershipView> usable, String sourceIp) {
        List<TenantPolicy> requiring = new ArrayList<>();
        for (MembershipView membership : usable) {
            TenantPolicy policy = policies.get(membership.tenantId());
            if (policy.mfaMode() == MfaMode.ALL
                    || (policy.mfaMode() == MfaMode.ADMINS && membership.adminOrSupervisor())) {
                requiring.add(policy);
            }
        }
        if (requiring.isEmpty()) {
            return false;
        }
        return sourceIp == null || !requiring.stream().allMatch(policy -> policy.trusts(sourceIp));
    }

    /** Step 2a: the TOTP code of an enrolled person. */
    public Outcome mfa(PendingLogin pending, String code, RequestInfo request) {
        return tx.platform(() -> {
            Instant now = Instant.now();
            Person person = people.findForUpdate(pending.personId()).orElse(null);
            if (person == null || !person.mfaEnrolled()) {
                return new Refused("login.error.session-expired");
            }
            List<MembershipView> memberships = people.memberships(person.id());
            if (person.locked(now)) {
                audit.record(person, null, memberships, "login.failed", AuditLog.FAILURE, "locked", request, null);
                return new Refused("login.error.locked", person.lockedUntil());
            }
            Totp.Check check = totp.verify(person.mfaSecret(), code, person.lastTotpStep(), now);
            if (check instanceof Totp.Accepted accepted) {
                people.useTotpStep(person.id(), accepted.step());
                return new Next(pending.afterMfa());
            }
            String reason = check instanceof Totp.Replayed ? "mfa-replayed" : "mfa-failed";
            return badCredential(person, memberships, passwords.rulesFor(person.id()), reason, request, now);
        });
    }

    /** Step 2b: a new secret for enrolment (kept in the pending login until confirmed). */
    public PendingLogin startEnrolment(PendingLogin pending) {
        return pending.enrolSecret() != null ? pending : pending.withEnrolSecret(totp.newSecret());
    }

    /** Step 2b: the first code from the authenticator app confirms the enrolment. */
    public Outcome confirmEnrolment(PendingLogin pending, String code, RequestInfo request) {
        return tx.platform(() -> {
            Instant now = Instant.now();
            Person person = people.findForUpdate(pending.personId()).orElse(null);
            if (person == null || pending.enrolSecret() == null) {
                return new Refused("login.error.session-expired");
            }
            List<MembershipView> memberships = people.memberships(person.id());
            Totp.Check check = totp.verify(pending.enrolSecret(), code, null, now);
            if (check instanceof Totp.Accepted accepted) {
                people.enrolMfa(person.id(), pending.enrolSecret(), accepted.step(), now);
                audit.record(person, null, memberships, "mfa.enrolled", AuditLog.SUCCESS, null, request, null);
                return new Next(pending.withEnrolSecret(null).afterMfa());
            }
            return badCredential(person, memberships, passwords.rulesFor(person.id()), "mfa-failed", request, now);
        });
    }

    /** Step 3: the forced change of an expired password. */
    public Outcome changePassword(PendingLogin pending, String newPassword, String confirmation, RequestInfo request) {
        if (newPassword == null || !newPassword.equals(confirmation)) {
            return new Refused("password.mismatch");
        }
        return tx.platform(() -> {
            Person person = people.findForUpdate(pending.personId()).orElse(null);
            if (person == null) {
                return new Refused("login.error.session-expired");
            }
            PasswordRules rules = passwords.rulesFor(person.id());
            List<PasswordRules.Violation> violations = passwords.violations(rules, person, person.username(),
                    newPassword);
            if (!violations.isEmpty()) {
                PasswordRules.Violation first = violations.getFirst();
                return new Refused(first.code(), first.args());
            }
            passwords.change(person.id(), newPassword);
            audit.record(person, null, people.memberships(person.id()), "password.changed", AuditLog.SUCCESS,
                    "expired", request, null);
            return new Next(pending.withStage(PendingLogin.Stage.DONE));
        });
    }

    /** The person's policy as the password page shows it. */
    public PasswordRules rules(UUID personId) {
        return tx.platform(() -> passwords.rulesFor(personId));
    }

    /** The last step: records the successful sign-in. */
    public void succeeded(PendingLogin pending, RequestInfo request) {
        tx.platformRun(() -> people.find(pending.personId()).ifPresent(person -> {
            people.recordLogin(person.id(), Instant.now());
            audit.record(person, null, people.memberships(person.id()), "login.succeeded", AuditLog.SUCCESS, null,
                    request, null);
        }));
    }

    private Outcome badCredential(Person person, List<MembershipView> memberships, PasswordRules rules, String reason,
            RequestInfo request, Instant now) {
        int failures = person.failedAttempts() + 1;
        if (failures >= rules.lockoutThreshold()) {
            Instant until = now.plus(Duration.ofMinutes(rules.lockoutMinutes()));
            people.recordFailure(person.id(), 0, until);
            audit.record(person, null, memberships, "login.failed", AuditLog.FAILURE, reason, request, null);
            audit.record(person, null, memberships, "account.locked", AuditLog.SUCCESS, reason, request,
                    Map.of("lockedUntil", until.toString(), "failedAttempts", failures));
            return new Refused("login.error.locked", until);
        }
        people.recordFailure(person.id(), failures, null);
        audit.record(person, null, memberships, "login.failed", AuditLog.FAILURE, reason, request, null);
        return switch (reason) {
            case "mfa-replayed" -> new Refused("mfa.error.replayed");
            case "mfa-failed" -> new Refused("mfa.error.wrong");
            default -> new Refused("login.error.invalid");
        };
    }
}
