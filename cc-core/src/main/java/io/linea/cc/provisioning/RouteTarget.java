package io.linea.cc.provisioning;

/** Where calls to a tenant number go. The routing engine and IVR will add targets. */
public enum RouteTarget {
    /** Ring the tenant's available agents, longest idle first. */
    AGENTS
}
