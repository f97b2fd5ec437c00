package io.linea.identity.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    static TenantPolicy policy(int minLength, boolean symbol, int history, Integer maxAge, int threshold, int minutes) {
        return new TenantPolicy(UUID.randomUUID(), minLength, true, true, false, symbol, history, maxAge, threshold,
                minutes, MfaMode.OFF, List.of(), 183);
    }

    @Test
    void theStrictestRulesOfAllTenantsApply() {
        PasswordRules rules = PasswordRules.strictest(List.of(policy(10, false, 3, null, 5, 15),
                policy(14, true, 1, 90, 8, 30), policy(8, false, 6, 30, 3, 5)));
        assertThat(rules.minLength()).isEqualTo(14);
        assertThat(rules.requireSymbol()).isTrue();
        assertThat(rules.requireDigit()).isFalse();
        assertThat(rules.historySize()).isEqualTo(6);
        assertThat(rules.maxAgeDays()).isEqualTo(30);
        assertThat(rules.lockoutThreshold()).isEqualTo(3);
        assertThat(rules.lockoutMinutes()).isEqualTo(30);
        assertThat(PasswordRules.strictest(List.of()).minLength()).isEqualTo(10);
    }

    @Test
    void reportsEveryBrokenRule() {
        PasswordRules rules = PasswordRules.of(new TenantPolicy(null, 12, true, true, true, true, 0, 30, 5, 15,
                MfaMode.OFF, List.of(), 183));
        assertThat(rules.check("short", "ana").stream().map(PasswordRules.Violation::code))
                .containsExactlyInAnyOrder("password.too-short", "password.needs-upper", "password.needs-digit",
                        "password.needs-symbol");
        assertThat(rules.check("Väga-Hea-Parool-7", "ana")).isEmpty();
        assertThat(rules.check("Ana-Ana-1234!", "ana-ana-1234!").stream().map(PasswordRules.Violation::code))
                .containsExactly("password.same-as-username");
        Instant now = Instant.now();
        assertThat(rules.expired(now.minus(31, ChronoUnit.DAYS), now)).isTrue();
        assertThat(rules.expired(now.minus(29, ChronoUnit.DAYS), now)).isFalse();
    }
}
