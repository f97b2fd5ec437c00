package io.linea.cc.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The engine's state of one interaction, from enqueue (or restore) until it is finished or leaves. */
final class Interaction {

    enum State {
        WAITING, OFFERED, ACCEPTED, GONE
    }

    /** Within a queue (ACD-04): higher priority first, then the earlier arrival, then the id so the order is total. */
    static final Comparator<Interaction> QUEUE_ORDER = Comparator
            .comparingInt((Interaction i) -> -i.task.priority())
            .thenComparing(i -> i.task.enqueuedAt())
            .thenComparing(i -> i.task.id());

    /** Across a person's queues (ACD-04): queue priority plus own priority, then the earlier arrival. */
    static final Comparator<Interaction> CROSS_QUEUE_ORDER = Comparator
            .comparingInt((Interaction i) -> -(i.queue.rules.priority() + i.task.priority()))
            .thenComparing(i -> i.task.enqueuedAt())
            .thenComparing(i -> i.task.id());

    final RoutingTask task;
    /** Null only for an interaction restored into a queue the engine does not know (yet). */
    final QueueState queue;
    State state;

    final Set<AgentSeat> offeredTo = new LinkedHashSet<>();
    /** Who declined in the current round; cleared when every agent who could take it has declined. */
    final Set<UUID> decliners = new HashSet<>();
    AgentSeat handler;
    Instant acceptedAt;

    /** The skill requirements after {@link #step} widenings (ACD-03). */
    List<SkillRequirement> requirements;
    int step;
    Instant nextStepAt;

    boolean sticky;
    Instant stickyUntil;
    Instant timeoutAt;

    Interaction(RoutingTask task, QueueState queue, State state) {
        this.task = task;
        this.queue = queue;
        this.state = state;
        this.requirements = task.skills();
    }

    UUID id() {
        return task.id();
    }

    boolean live() {
        return state == State.WAITING || state == State.OFFERED;
    }

    /** The last step that still changes anything: every minimum lowered to 1, then all requirements dropped. */
    int lastStep() {
        return task.skills().isEmpty() ? 0 : task.skills().size() + 1;
    }

    /**
     * Step 0: as given; step 1: every minimum level becomes 1; step k ≥ 2: also the last k − 1
     * requirements, the least important, are dropped.
     */
    static List<SkillRequirement> widened(List<SkillRequirement> given, int step) {
        if (step == 0) {
            return given;
        }
        int keep = Math.max(0, given.size() - (step - 1));
        List<SkillRequirement> widened = new ArrayList<>(keep);
        for (int i = 0; i < keep; i++) {
            widened.add(new SkillRequirement(given.get(i).skillId(), SkillRequirement.MIN_LEVEL));
        }
        return List.copyOf(widened);
    }
}
