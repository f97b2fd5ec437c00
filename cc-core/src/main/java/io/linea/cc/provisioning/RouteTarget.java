package io.linea.cc.provisioning;

/** Where calls to a tenant number go. The routing engine and IVR will add targets. */
public enum RouteTarget {
    /** Ring the tenant's available agents, longest idle first (the first call path, before queues). */
    AGENTS,
    /** Queue the call in one of the tenant's queues (ACD-01). */
    QUEUE
}
