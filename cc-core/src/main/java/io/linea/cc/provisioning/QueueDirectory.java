package io.linea.cc.provisioning;

import java.util.UUID;

/**
 * Whether a queue of the current tenant exists, for routing a number to it. The queue module
 * implements it (it depends on this module, not the other way round).
 */
public interface QueueDirectory {

    boolean exists(UUID queueId);
}
