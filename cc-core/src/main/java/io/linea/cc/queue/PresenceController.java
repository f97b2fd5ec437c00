package io.linea.cc.queue;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.provisioning.AgentManagement;
import io.linea.cc.provisioning.AgentView;
import io.linea.cc.routing.Presence;
import io.linea.cc.routing.Router;
import io.linea.cc.shared.InvalidInput;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;
import io.linea.platform.tenancy.TenantContext;

/**
 * Agents' presence (ACD-05) and queue log-in (ACD-11): {@code /api/cc/presence/me} for the agent
 * themselves, {@code /api/cc/presence/agents/{id}} for a supervisor who changes an agent's state. Presence
 * is per person across tenants: a break taken while working for one client is a break for all.
 */
@RestController
@RequestMapping("/api/cc/presence")
class PresenceController {

    private final Router router;
    private final AgentManagement agents;
    private final QueueManagement queues;
    private final RoutingConfiguration configuration;

    PresenceController(Router router, AgentManagement agents, QueueManagement queues,
            RoutingConfiguration configuration) {
        this.router = router;
        this.agents = agents;
        this.queues = queues;
        this.configuration = configuration;
    }

    /** {@code wrapUpUntil}: when the wrap-up ends, while the state is {@code WRAP_UP} (ACD-06). */
    record PresenceView(UUID agentId, String displayName, Presence state, List<AgentQueueView> queues,
            java.time.Instant wrapUpUntil) {
    }

    record StateRequest(@NotNull Presence state, UUID breakReasonId) {
    }

    record QueueRequest(@NotNull UUID queueId) {
    }

    @GetMapping("/me")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    PresenceView me() {
        return view(myAgent());
    }

    @PutMapping("/me")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    PresenceView setMine(@Valid @RequestBody StateRequest request) {
        AgentView agent = myAgent();
        router.setPresence(person(agent), request.state(), reason(request), null);
        router.flush();
        return view(agent);
    }

    @PostMapping("/me/login")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    PresenceView login(@Valid @RequestBody QueueRequest request) {
        AgentView agent = myAgent();
        router.login(person(agent), request.queueId(), true);
        router.flush();
        return view(agent);
    }

    @PostMapping("/me/logout")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    PresenceView logout(@Valid @RequestBody QueueRequest request) {
        AgentView agent = myAgent();
        router.logout(person(agent), request.queueId(), true);
        router.flush();
        return view(agent);
    }

    /** Ends the agent's wrap-up before its time: ready for the next interaction (ACD-06). */
    @PostMapping("/me/ready")
    @RequiresPermission(Permissions.QUEUES_VIEW)
    PresenceView ready() {
        AgentView agent = myAgent();
        router.ready(person(agent));
        router.sync();
        return view(agent);
    }

    /** Every agent of the tenant with their state: the supervisor's view. */
    @GetMapping
    @RequiresPermission(Permissions.AGENTS_MONITOR)
    List<PresenceView> all() {
        return agents.list(0, 1000).items().stream().map(this::view).toList();
    }

    record ColleagueView(UUID agentId, String displayName, Presence state) {
    }

    /**
     * AGT-03: the tenant's other agents with their live state, for the agent's transfer panel; no queues,
     * no break reasons (what a supervisor sees).
     */
    @GetMapping("/colleagues")
    @RequiresPermission(Permissions.CALLS_PLACE)
    List<ColleagueView> colleagues() {
        UUID me = LineaPrincipal.current().orElseThrow().personId();
        return agents.list(0, 1000).items().stream().filter(a -> !me.equals(a.userId()))
                .map(a -> new ColleagueView(a.id(), a.displayName(), router.presence(person(a))))
                .sorted(java.util.Comparator.comparing(ColleagueView::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @GetMapping("/agents/{id}")
    @RequiresPermission(Permissions.AGENTS_MONITOR)
    PresenceView of(@PathVariable UUID id) {
        return view(agents.get(id));
    }

    /** A supervisor forces an agent's state; the change names the supervisor (ACD-05). */
    @PutMapping("/agents/{id}")
    @RequiresPermission(Permissions.AGENTS_MONITOR)
    PresenceView force(@PathVariable UUID id, @Valid @RequestBody StateRequest request) {
        AgentView agent = agents.get(id);
        router.setPresence(person(agent), request.state(), reason(request),
                LineaPrincipal.current().orElseThrow().personId());
        router.flush();
        return view(agent);
    }

    /** A supervisor logs an agent in to a queue, even where agents may not do it themselves. */
    @PostMapping("/agents/{id}/login")
    @RequiresPermission(Permissions.AGENTS_MONITOR)
    PresenceView forceLogin(@PathVariable UUID id, @Valid @RequestBody QueueRequest request) {
        AgentView agent = agents.get(id);
        router.login(person(agent), request.queueId(), false);
        router.flush();
        return view(agent);
    }

    @PostMapping("/agents/{id}/logout")
    @RequiresPermission(Permissions.AGENTS_MONITOR)
    PresenceView forceLogout(@PathVariable UUID id, @Valid @RequestBody QueueRequest request) {
        AgentView agent = agents.get(id);
        router.logout(person(agent), request.queueId(), false);
        router.flush();
        return view(agent);
    }

    private AgentView myAgent() {
        UUID person = LineaPrincipal.current().orElseThrow().personId();
        UUID agentId = router.agentOf(person, TenantContext.requireTenant())
                .orElseThrow(() -> LineaProblemException.notFound("agent"));
        return agents.get(agentId);
    }

    /** The person behind an agent: its user, or the agent itself when it has no login. */
    private static UUID person(AgentView agent) {
        return agent.userId() == null ? agent.id() : agent.userId();
    }

    /** A break needs one of the tenant's enabled reasons; the other states take none. */
    private String reason(StateRequest request) {
        if (request.state() == Presence.BREAK) {
            if (request.breakReasonId() == null) {
                throw InvalidInput.field("breakReasonId", "validation.not-null");
            }
            BreakReasonView reason = configuration.breakReason(request.breakReasonId());
            if (!reason.enabled()) {
                throw InvalidInput.field("breakReasonId", "presence.break-reason-disabled");
            }
            return reason.name();
        }
        if (request.state() != Presence.AVAILABLE && request.state() != Presence.LOGGED_OUT) {
            throw InvalidInput.field("state", "presence.state-not-chosen");
        }
        return null;
    }

    private PresenceView view(AgentView agent) {
        UUID person = person(agent);
        return new PresenceView(agent.id(), agent.displayName(), router.presence(person),
                queues.queuesOf(agent.id()), router.wrapUpUntil(person).orElse(null));
    }
}
