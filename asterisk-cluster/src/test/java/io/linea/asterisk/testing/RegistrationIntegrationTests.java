package io.linea.asterisk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TEL-01: agents' PJSIP endpoints, AORs and auths pushed over ARI (sorcery memory wizard) accept a
 * REGISTER with the right digest credentials and refuse a wrong one.
 */
@LocalAsterisk
class RegistrationIntegrationTests {

    private final AsteriskNode node;

    RegistrationIntegrationTests(AsteriskNode node) {
        this.node = node;
    }

    @AfterEach
    void removeAgents() {
        for (String id : new String[] {"agent-userpass", "agent-md5"}) {
            node.deleteConfig("res_pjsip", "endpoint", id);
            node.deleteConfig("res_pjsip", "aor", id);
            node.deleteConfig("res_pjsip", "auth", id);
        }
    }

    @Test
    void userpassAgentRegistersAndUnregisters() {
        pushAgent("agent-userpass", Map.of("auth_type", "userpass", "username", "agent-userpass", "password", "s3cret"));

        // Unregistering names the same contact, so both runs use one local port.
        int port = Sipp.freeUdpPort("127.0.0.1", false);
        SippResult registered = register("agent-userpass", "s3cret", "120", port);

        assertThat(registered.succeeded()).as(registered.describe()).isTrue();
        assertThat(registered.receivedStatuses()).as(registered.describe()).containsExactly(401, 200);
        assertThat(registered.firstSent("REGISTER").orElseThrow().header("Expires")).contains("120");
        assertThat(node.cli("pjsip show contacts")).contains("agent-userpass/sip:agent-userpass@127.0.0.1");

        SippResult unregistered = register("agent-userpass", "s3cret", "0", port);

        assertThat(unregistered.receivedStatuses()).as(unregistered.describe()).endsWith(200);
        assertThat(node.cli("pjsip show contacts")).doesNotContain("agent-userpass/sip:");
    }

    @Test
    void md5CredentialAgentRegisters() throws Exception {
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest("agent-md5:asterisk:an0ther".getBytes(StandardCharsets.UTF_8)));
        pushAgent("agent-md5", Map.of("auth_type", "md5", "username", "agent-md5", "md5_cred", md5,
                "realm", "asterisk"));

        SippResult result = register("agent-md5", "an0ther", "60");

        assertThat(result.receivedStatuses()).as(result.describe()).containsExactly(401, 200);
    }

    @Test
    void wrongPasswordIsRefused() {
        pushAgent("agent-userpass", Map.of("auth_type", "userpass", "username", "agent-userpass", "password", "s3cret"));

        SippResult result = register("agent-userpass", "not-the-password", "60");

        assertThat(result.receivedStatuses()).as(result.describe()).doesNotContain(200);
        assertThat(result.receivedStatuses().getLast()).as(result.describe()).isIn(401, 403);
        assertThat(node.cli("pjsip show contacts")).doesNotContain("agent-userpass/sip:");
    }

    @Test
    void deletedAgentCannotRegister() {
        pushAgent("agent-userpass", Map.of("auth_type", "userpass", "username", "agent-userpass", "password", "s3cret"));
        assertThat(node.deleteConfig("res_pjsip", "endpoint", "agent-userpass")).isTrue();

        SippResult result = register("agent-userpass", "s3cret", "60");

        assertThat(result.receivedStatuses()).as(result.describe()).doesNotContain(200);
    }

    private void pushAgent(String id, Map<String, String> auth) {
        node.pushConfig("res_pjsip", "auth", id, auth);
        node.pushConfig("res_pjsip", "aor", id, Map.of("max_contacts", "1", "remove_existing", "yes"));
        node.pushConfig("res_pjsip", "endpoint", id, Map.of("auth", id, "aors", id, "context", "linea-agents",
                "allow", "!all,alaw,ulaw", "direct_media", "no"));
    }

    private SippResult register(String user, String password, String expires) {
        return register(user, password, expires, Sipp.freeUdpPort("127.0.0.1", false));
    }

    private SippResult register(String user, String password, String expires, int localPort) {
        return Sipp.scenario("register").localIp("127.0.0.1").localPort(localPort).remote(node.bind(), node.sipPort())
                .key("user", user).key("password", password).key("expires", expires).run();
    }
}
