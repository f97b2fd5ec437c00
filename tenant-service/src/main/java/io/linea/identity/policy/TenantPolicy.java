package io.linea.identity.policy;

import java.util.List;
import java.util.UUID;

import io.linea.identity.support.Cidr;

/** A tenant's security policy: password rules, lockout, MFA, trusted networks and audit retention. */
public record TenantPolicy(UUID tenantId, int minLength, boolean requireUpper, boolean requireLower,
        boolean requireDigit, boolean requireSymbol, int historySize, Integer maxAgeDays, int lockoutThreshold,
        int lockoutMinutes, MfaMode mfaMode, List<String> trustedNetworks, int auditRetentionDays) {

    public TenantPolicy {
        trustedNetworks = List.copyOf(trustedNetworks);
    }

    /** The policy of a new tenant, and the baseline for people without any active membership. */
    public static TenantPolicy defaults(UUID tenantId) {
        return new TenantPolicy(tenantId, 10, true, true, true, false, 5, null, 5, 15, MfaMode.OFF, List.of(), 183);
    }

    public boolean trusts(String address) {
        return trustedNetworks.stream().map(Cidr::parse).flatMap(java.util.Optional::stream)
                .anyMatch(cidr -> cidr.contains(address));
    }
}
