package io.linea.cc.queue;

import java.util.UUID;

/** A queue an agent belongs to: logged in or not, and whether they may change that themselves (ACD-11). */
public record AgentQueueView(UUID queueId, String name, boolean loggedIn, boolean selfLoginAllowed) {
}
