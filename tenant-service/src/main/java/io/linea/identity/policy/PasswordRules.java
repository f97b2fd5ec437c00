package io.linea.identity.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The password rules that apply to one person: the strictest combination of the policies of the
 * tenants they actively work for (longest minimum, every required character class, longest history,
 * shortest maximum age, lowest lockout threshold with the longest lockout).
 */
public record PasswordRules(int minLength, boolean requireUpper, boolean requireLower, boolean requireDigit,
        boolean requireSymbol, int historySize, Integer maxAgeDays, int lockoutThreshold, int lockoutMinutes) {

    public static final int MAX_LENGTH = 128;

    /** One broken rule: a message code and its arguments. */
    public record Violation(String code, Object... args) {
    }

    public static PasswordRules of(TenantPolicy policy) {
        return new PasswordRules(policy.minLength(), policy.requireUpper(), policy.requireLower(),
                policy.requireDigit(), policy.requireSymbol(), policy.historySize(), policy.maxAgeDays(),
                policy.lockoutThreshold(), policy.lockoutMinutes());
    }

    /** The strictest combination; the defaults when there is no policy at all. */
    public static PasswordRules strictest(Collection<TenantPolicy> policies) {
        if (policies.isEmpty()) {
            return of(TenantPolicy.defaults(null));
        }
        PasswordRules result = null;
        for (TenantPolicy policy : policies) {
            PasswordRules rules = of(policy);
            result = result == null ? rules : result.combine(rules);
        }
        return result;
    }

    PasswordRules combine(PasswordRules other) {
        Integer maxAge;
        if (maxAgeDays == null) {
            maxAge = other.maxAgeDays;
        } else if (other.maxAgeDays == null) {
            maxAge = maxAgeDays;
        } else {
            maxAge = Math.min(maxAgeDays, other.maxAgeDays);
        }
        return new PasswordRules(Math.max(minLength, other.minLength), requireUpper || other.requireUpper,
                requireLower || other.requireLower, requireDigit || other.requireDigit,
                requireSymbol || other.requireSymbol, Math.max(historySize, other.historySize), maxAge,
                Math.min(lockoutThreshold, other.lockoutThreshold), Math.max(lockoutMinutes, other.lockoutMinutes));
    }

    /** Composition rules (length and character classes); history is checked by the caller. */
    public List<Violation> check(String password, String username) {
        List<Violation> violations = new ArrayList<>();
        String value = Objects.requireNonNullElse(password, "");
        int length = value.codePointCount(0, value.length());
        if (length < minLength) {
            violations.add(new Violation("password.too-short", minLength));
        }
        if (length > MAX_LENGTH) {
            violations.add(new Violation("password.too-long", MAX_LENGTH));
        }
        if (requireUpper && value.codePoints().noneMatch(Character::isUpperCase)) {
            violations.add(new Violation("password.needs-upper"));
        }
        if (requireLower && value.codePoints().noneMatch(Character::isLowerCase)) {
            violations.add(new Violation("password.needs-lower"));
        }
        if (requireDigit && value.codePoints().noneMatch(Character::isDigit)) {
            violations.add(new Violation("password.needs-digit"));
        }
        if (requireSymbol && value.codePoints().allMatch(Character::isLetterOrDigit)) {
            violations.add(new Violation("password.needs-symbol"));
        }
        if (username != null && !username.isBlank() && value.equalsIgnoreCase(username)) {
            violations.add(new Violation("password.same-as-username"));
        }
        return violations;
    }

    public boolean expired(Instant changedAt, Instant now) {
        return maxAgeDays != null && changedAt != null && changedAt.plus(Duration.ofDays(maxAgeDays)).isBefore(now);
    }
}
