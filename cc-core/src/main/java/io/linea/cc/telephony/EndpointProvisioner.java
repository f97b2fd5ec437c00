package io.linea.cc.telephony;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.linea.cc.provisioning.AgentEndpointConfig;
import io.linea.cc.provisioning.CarrierConfig;
import io.linea.cc.provisioning.TelephonyDirectory;

/**
 * Turns carriers and agent endpoints into PJSIP sorcery objects and pushes them to a node over
 * ARI push configuration (ADR 0003): nodes keep them in memory only, so a node that restarts is
 * complete again as soon as cc-core reconnects, and no file is edited per tenant.
 */
class EndpointProvisioner {

    private static final Logger log = LoggerFactory.getLogger(EndpointProvisioner.class);
    private static final String PJSIP = "res_pjsip";
    // identify objects live in res_pjsip's sorcery class over ARI, although sorcery.conf maps them in their own section
    private static final String IDENTIFY = "res_pjsip";

    private final TelephonyDirectory directory;
    private final boolean agentWebrtc;

    EndpointProvisioner(TelephonyDirectory directory, boolean agentWebrtc) {
        this.directory = directory;
        this.agentWebrtc = agentWebrtc;
    }

    /** Pushes everything and removes what the node has but cc-core no longer knows. */
    void pushAll(AriNode node) {
        Set<String> wanted = new HashSet<>();
        int failed = 0;
        // One object Asterisk refuses must not keep every other carrier and agent off the node.
        for (CarrierConfig carrier : directory.carriers()) {
            wanted.add(carrier.endpointId());
            failed += attempt(node, carrier.endpointId(), () -> pushCarrier(node, carrier));
        }
        for (AgentEndpointConfig endpoint : directory.endpoints()) {
            wanted.add(endpoint.endpointId());
            failed += attempt(node, endpoint.endpointId(), () -> pushAgent(node, endpoint));
        }
        for (String id : node.endpointIds()) {
            if (!wanted.contains(id) && managed(id)) {
                failed += attempt(node, id, () -> remove(node, id));
            }
        }
        log.info("Pushed {} carrier and agent endpoints to node {} ({} failed)", wanted.size(), node.node(), failed);
    }

    private static int attempt(AriNode node, String id, Runnable push) {
        try {
            push.run();
            return 0;
        } catch (RuntimeException e) {
            log.warn("Could not push {} to node {}: {}", id, node.node(), e.getMessage());
            return 1;
        }
    }

    void pushCarrier(AriNode node, CarrierConfig carrier) {
        String id = carrier.endpointId();
        String transportParameter = "udp".equals(carrier.transport()) ? "" : ";transport=" + carrier.transport();
        node.putObject(PJSIP, "aor", id, Map.of("contact",
                "sip:" + carrier.host() + ":" + carrier.port() + transportParameter, "qualify_frequency", "0"));
        boolean authenticates = carrier.username() != null && !carrier.username().isBlank();
        if (authenticates) {
            node.putObject(PJSIP, "auth", id, Map.of("auth_type", "userpass", "username", carrier.username(),
                    "password", carrier.password() == null ? "" : carrier.password()));
        }
        Map<String, String> endpoint = new LinkedHashMap<>();
        endpoint.put("transport", "transport-" + carrier.transport());
        endpoint.put("context", "linea-inbound");
        endpoint.put("disallow", "all");
        endpoint.put("allow", String.join(",", carrier.codecs()));
        endpoint.put("aors", id);
        endpoint.put("direct_media", "no");
        endpoint.put("rtp_symmetric", "yes");
        endpoint.put("force_rport", "yes");
        endpoint.put("rewrite_contact", "yes");
        endpoint.put("send_pai", "yes");
        endpoint.put("trust_id_outbound", "yes");
        // no re-INVITE to the carrier each time the other party's identity changes (bridging, transfer)
        endpoint.put("send_connected_line", "no");
        if (authenticates) {
            endpoint.put("outbound_auth", id);
        }
        node.putObject(PJSIP, "endpoint", id, endpoint);
        if (!carrier.matchCidrs().isEmpty()) {
            node.putObject(IDENTIFY, "identify", id, Map.of("endpoint", id,
                    "match", String.join(",", carrier.matchCidrs())));
        }
    }

    void pushAgent(AriNode node, AgentEndpointConfig agent) {
        String id = agent.endpointId();
        node.putObject(PJSIP, "auth", id, Map.of("auth_type", "md5", "username", id,
                "realm", AgentEndpointConfig.REALM, "md5_cred", agent.md5Credential()));
        node.putObject(PJSIP, "aor", id, Map.of("max_contacts", "3", "remove_existing", "yes",
                "qualify_frequency", "0"));
        Map<String, String> endpoint = new LinkedHashMap<>();
        endpoint.put("context", "linea-agents");
        endpoint.put("disallow", "all");
        endpoint.put("allow", agentWebrtc ? "alaw,ulaw,opus" : "alaw,ulaw");
        endpoint.put("auth", id);
        endpoint.put("aors", id);
        endpoint.put("direct_media", "no");
        endpoint.put("rtp_symmetric", "yes");
        endpoint.put("force_rport", "yes");
        endpoint.put("rewrite_contact", "yes");
        endpoint.put("set_var", CallEngine.TENANT_VARIABLE + "=" + agent.tenantId());
        if (!agentWebrtc) {
            // desk phones: no re-INVITE for connected-line updates (many phones, and sipp, refuse them)
            endpoint.put("send_connected_line", "no");
        }
        if (agentWebrtc) {
            // DTLS-SRTP with ICE for JsSIP over WSS; G.711 first so Asterisk does not transcode.
            endpoint.put("webrtc", "yes");
            endpoint.put("dtls_auto_generate_cert", "yes");
        }
        try {
            node.putObject(PJSIP, "endpoint", id, endpoint);
        } catch (SwitchException e) {
            // Asterisk cannot update an endpoint that has set_var: it reads the existing variable back as an
            // option named after the variable (LINEA_TENANT_ID). Replacing the endpoint works; the agent's
            // registration lives on the AOR and stays.
            node.deleteObject(PJSIP, "endpoint", id);
            node.putObject(PJSIP, "endpoint", id, endpoint);
        }
    }

    void remove(AriNode node, String id) {
        node.deleteObject(IDENTIFY, "identify", id);
        node.deleteObject(PJSIP, "endpoint", id);
        node.deleteObject(PJSIP, "aor", id);
        node.deleteObject(PJSIP, "auth", id);
    }

    /** Objects cc-core created: carriers ("trunk-…") and agent endpoints ("ag…"). */
    static boolean managed(String id) {
        return id.startsWith("trunk-") || id.matches("ag[a-z0-9]{10}");
    }
}
