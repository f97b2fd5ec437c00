package io.linea.cc.provisioning;

import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;
import io.linea.platform.tenancy.TenantContext;

/**
 * {@code /api/cc/softphone}: the browser softphone of the signed-in agent (AGT-02). Each start of the
 * softphone gets new SIP credentials for the agent's own endpoint in the active tenant; the password is
 * in this answer only, and the previous one stops working (a desk phone on the same agent would have to
 * be given new credentials). An operator who serves several tenants asks once per tenant (TEN-03).
 */
@RestController
@RequestMapping("/api/cc/softphone")
class SoftphoneController {

    private final TelephonyDirectory directory;
    private final AgentManagement agents;

    SoftphoneController(TelephonyDirectory directory, AgentManagement agents) {
        this.directory = directory;
        this.agents = agents;
    }

    /** The agent's endpoint and where the browser registers it. */
    record SoftphoneCredentials(UUID tenantId, UUID agentId, String displayName, String sipUsername, String password,
            String realm, String sipDomain, String wssUrl) {
    }

    @PostMapping("/credentials")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    ResponseEntity<SoftphoneCredentials> credentials() {
        UUID tenantId = TenantContext.requireTenant();
        UUID person = LineaPrincipal.current().orElseThrow().personId();
        AgentTarget agent = directory.agentOfUser(tenantId, person)
                .orElseThrow(() -> LineaProblemException.notFound("agent"));
        AgentCredentials issued = agents.issueCredentials(agent.agentId());
        // no-store: the password must not linger in a browser or proxy cache
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new SoftphoneCredentials(tenantId, agent.agentId(), agent.displayName(), issued.sipUsername(),
                        issued.password(), issued.realm(), issued.sipDomain(), issued.wssUrl()));
    }
}
