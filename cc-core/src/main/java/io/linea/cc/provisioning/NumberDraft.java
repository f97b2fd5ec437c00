package io.linea.cc.provisioning;

import java.util.UUID;

/**
 * What the platform admin wants a number to be (create or full replace). {@code e164} may be typed with
 * spaces, dashes or parentheses; {@code tenantId} null leaves the number unassigned.
 */
public record NumberDraft(String e164, NumberType type, UUID carrierId, UUID tenantId) {
}
