package io.linea.cc.provisioning;

import java.util.UUID;

/**
 * Published after an agent was created, changed or deleted: its person, name, capacity or blending may
 * differ now, so the router reloads who is whom (ACD-05, ACD-11). Listeners run after the commit.
 */
public record AgentChanged(UUID tenantId, UUID agentId) {
}
