package io.linea.cc.routing;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** One queue's rules and live indexes, so a routing decision looks at this queue only. */
final class QueueState {

    QueueRules rules;
    /** Not yet offered, in offer order. */
    final TreeSet<Interaction> waiting = new TreeSet<>(Interaction.QUEUE_ORDER);
    /** Waiting or offered, not yet accepted: what counts against the maximum length. */
    final Set<Interaction> held = new LinkedHashSet<>();
    /** By person, in login order. */
    final Map<UUID, Membership> members = new LinkedHashMap<>();
    /** Login sequence of the member last offered an interaction of this queue (round robin). */
    long lastOffered = -1;

    QueueState(QueueRules rules) {
        this.rules = rules;
    }

    UUID id() {
        return rules.queueId();
    }
}
