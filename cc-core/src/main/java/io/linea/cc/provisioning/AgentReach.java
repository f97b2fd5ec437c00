package io.linea.cc.provisioning;

/** How an agent is reached (TEL-04). */
public enum AgentReach {
    /** The agent's WebRTC/SIP endpoint; the mobile number is the fallback when it is not registered. */
    ENDPOINT,
    /** The agent's mobile number, dialled through the tenant's carrier trunk. */
    MOBILE
}
