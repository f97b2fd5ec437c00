package io.linea.cc.provisioning;

/**
 * New SIP credentials of an agent and where to use them. The password is shown once, in the answer to
 * the request that created it; only its digest is kept.
 */
public record AgentCredentials(String sipUsername, String password, String realm, String sipDomain, String wssUrl) {
}
