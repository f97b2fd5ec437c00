package io.linea.identity.person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.linea.identity.policy.PasswordRules;
import io.linea.identity.policy.PolicyStore;
import io.linea.identity.policy.TenantPolicy;
import io.linea.platform.problem.LineaProblemException;

/** Password hashing (delegating encoder, bcrypt), policy and history checks, password changes (SEC-01). */
@Component
public class PasswordService {

    /** Hashes kept per person: enough for the largest history a policy may ask for. */
    public static final int HISTORY_KEPT = 24;

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PersonStore people;
    private final PolicyStore policies;

    /** A hash to compare against when the username is unknown, so that both answers take as long. */
    private final String dummyHash;

    public PasswordService(PersonStore people, PolicyStore policies) {
        this.people = people;
        this.policies = policies;
        this.dummyHash = encoder.encode("not-a-real-password-" + UUID.randomUUID());
    }

    public String hash(String raw) {
        return encoder.encode(raw);
    }

    public boolean matches(String raw, String hash) {
        if (raw == null || hash == null) {
            return false;
        }
        try {
            return encoder.matches(raw, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public void burnTime(String raw) {
        matches(raw == null ? "" : raw, dummyHash);
    }

    /** The strictest rules over the person's usable memberships (platform scope). */
    public PasswordRules rulesFor(UUID personId) {
        List<TenantPolicy> applicable = new ArrayList<>();
        for (MembershipView membership : people.memberships(personId)) {
            if (membership.usable()) {
                applicable.add(policies.get(membership.tenantId()));
            }
        }
        return PasswordRules.strictest(applicable);
    }

    /** Every broken rule for a new password of {@code person} (null for a person not yet created). */
    public List<PasswordRules.Violation> violations(PasswordRules rules, Person person, String username,
            String password) {
        List<PasswordRules.Violation> violations = new ArrayList<>(rules.check(password, username));
        if (person != null && violations.isEmpty() && rules.historySize() > 0) {
            for (String previous : people.recentHashes(person.id(), rules.historySize())) {
                if (matches(password, previous)) {
                    violations.add(new PasswordRules.Violation("password.reused", rules.historySize()));
                    break;
                }
            }
        }
        return violations;
    }

    /** Refuses with 400 {@code password.policy} and one field error per broken rule. */
    public void require(PasswordRules rules, Person person, String username, String password, String field) {
        List<PasswordRules.Violation> violations = violations(rules, person, username, password);
        if (!violations.isEmpty()) {
            throw problem(violations, field);
        }
    }

    public static LineaProblemException problem(List<PasswordRules.Violation> violations, String field) {
        return new LineaProblemException(HttpStatus.BAD_REQUEST, "password.policy",
                violations.stream().map(v -> new LineaProblemException.FieldProblem(field, v.code(), v.args()))
                        .toList());
    }

    /** Stores a new password (already checked) and trims the history. */
    public void change(UUID personId, String newPassword) {
        people.setPassword(personId, hash(newPassword), Instant.now());
        people.trimHistory(personId, HISTORY_KEPT);
    }
}
