package io.linea.cc.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.calendar.CalendarManagement;
import io.linea.cc.calendar.CalendarUsage;
import io.linea.cc.provisioning.AgentManagement;
import io.linea.cc.provisioning.AgentView;
import io.linea.cc.provisioning.E164;
import io.linea.cc.provisioning.QueueDirectory;
import io.linea.cc.routing.RoutingConfigChanged;
import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/** Creates and changes the current tenant's queues, their routing rules and members (ADM-02, ACD-01 … ACD-11). */
@Service
public class QueueManagement implements CalendarUsage, QueueDirectory {

    private static final Logger log = LoggerFactory.getLogger(QueueManagement.class);

    private final Queues queues;
    private final QueueMembers members;
    private final CalendarManagement calendars;
    private final AgentManagement agents;
    private final RoutingConfiguration configuration;
    private final ApplicationEventPublisher events;

    QueueManagement(Queues queues, QueueMembers members, CalendarManagement calendars, AgentManagement agents,
            RoutingConfiguration configuration, ApplicationEventPublisher events) {
        this.events = events;
        this.queues = queues;
        this.members = members;
        this.calendars = calendars;
        this.agents = agents;
        this.configuration = configuration;
    }

    @Transactional(readOnly = true)
    public Paged<QueueView> list(int page, int size) {
        return Paged.of(queues.findAll(PageRequest.of(page, size, Sort.by("name", "id"))), Queue::view);
    }

    @Transactional(readOnly = true)
    public QueueView get(UUID id) {
        return require(id).view();
    }

    /** Names of the current tenant's queues among {@code ids}; another tenant's id is simply absent. */
    @Transactional(readOnly = true)
    public Map<UUID, String> names(java.util.Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        queues.findAllById(ids).forEach(q -> names.put(q.id(), q.name()));
        return names;
    }

    @Transactional(readOnly = true)
    public boolean existsByName(String name) {
        return queues.exists(Queues.named(name));
    }

    @Transactional
    public QueueView create(QueueDraft draft) {
        checkCalendar(draft);
        QueueDraft checked = checkOverflow(null, draft);
        Queue queue = queues.saveAndFlush(new Queue(checked));
        log.info("Queue {} created", queue.id());
        changed(queue.id());
        return queue.view();
    }

    @Transactional
    public QueueView update(UUID id, long expectedVersion, QueueDraft draft) {
        Queue queue = require(id);
        if (queue.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Queue.class, id);
        }
        checkCalendar(draft);
        queue.change(checkOverflow(id, draft));
        queue = queues.saveAndFlush(queue);
        log.info("Queue {} changed", id);
        changed(id);
        return queue.view();
    }

    /** A queue another queue overflows to is refused (409 queue.in-use by constraint queue_overflow_target_queue_fk). */
    @Transactional
    public void delete(UUID id) {
        queues.delete(require(id));
        queues.flush();
        log.info("Queue {} deleted", id);
        changed(id);
    }

    @Transactional(readOnly = true)
    public List<QueueMemberView> members(UUID queueId) {
        require(queueId);
        return views(members.findAll(QueueMembers.ofQueue(queueId)));
    }

    /**
     * Replaces the queue's members and their skill levels. Memberships of agents who stay keep their
     * logged-in state; an agent or skill of another tenant is reported like a missing one.
     */
    @Transactional
    public List<QueueMemberView> replaceMembers(UUID queueId, List<QueueMemberDraft> wanted) {
        require(queueId);
        Map<UUID, QueueMemberDraft> byAgent = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            QueueMemberDraft member = wanted.get(i);
            if (byAgent.put(member.agentId(), member) != null) {
                throw InvalidInput.field("members[" + i + "].agentId", "queue.member-duplicate");
            }
            Set<UUID> skills = new HashSet<>();
            for (QueueMemberView.SkillLevel level : member.skills()) {
                if (!skills.add(level.skillId())) {
                    throw InvalidInput.field("members[" + i + "].skills", "queue.member-skill-duplicate");
                }
            }
        }
        if (agents.find(byAgent.keySet()).size() != byAgent.size()) {
            throw LineaProblemException.notFound("agent");
        }
        List<UUID> skillIds = wanted.stream().flatMap(m -> m.skills().stream()).map(QueueMemberView.SkillLevel::skillId)
                .distinct().toList();
        if (!configuration.skillsExist(skillIds)) {
            throw LineaProblemException.notFound("skill");
        }
        List<QueueMember> existing = members.findAll(QueueMembers.ofQueue(queueId));
        List<QueueMember> kept = new ArrayList<>();
        for (QueueMember member : existing) {
            QueueMemberDraft draft = byAgent.remove(member.agentId());
            if (draft == null) {
                members.delete(member);
            } else {
                member.replaceSkills(draft.skills());
                kept.add(member);
            }
        }
        members.flush();
        for (QueueMemberDraft draft : byAgent.values()) {
            QueueMember member = new QueueMember(queueId, draft.agentId());
            member.replaceSkills(draft.skills());
            kept.add(members.save(member));
        }
        members.flush();
        log.info("Queue {} has {} members", queueId, kept.size());
        changed(queueId);
        return views(kept);
    }

    /** The router reloads the queue after commit. */
    private void changed(UUID queueId) {
        events.publishEvent(new RoutingConfigChanged(TenantContext.requireTenant(), queueId));
    }

    /** The queues an agent of the current tenant is a member of, with their log-in state (ACD-11). */
    @Transactional(readOnly = true)
    public List<AgentQueueView> queuesOf(UUID agentId) {
        List<QueueMember> memberships = members.findAll(QueueMembers.ofAgent(agentId));
        Map<UUID, Queue> byId = new HashMap<>();
        queues.findAllById(memberships.stream().map(QueueMember::queueId).toList()).forEach(q -> byId.put(q.id(), q));
        return memberships.stream().filter(m -> byId.containsKey(m.queueId()))
                .map(m -> new AgentQueueView(m.queueId(), byId.get(m.queueId()).name(), m.loggedIn(),
                        byId.get(m.queueId()).routing().selfLoginAllowed()))
                .sorted(Comparator.comparing(AgentQueueView::name)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(UUID queueId) {
        return queues.existsById(queueId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean uses(UUID calendarId) {
        return queues.exists(Queues.usingCalendar(calendarId));
    }

    private List<QueueMemberView> views(List<QueueMember> list) {
        Map<UUID, String> names = new HashMap<>();
        agents.find(list.stream().map(QueueMember::agentId).toList())
                .forEach(a -> names.put(a.id(), a.displayName()));
        return list.stream()
                .map(m -> new QueueMemberView(m.agentId(), names.get(m.agentId()), m.loggedIn(), m.skills()))
                .sorted(Comparator.comparing(QueueMemberView::displayName, Comparator.nullsLast(String::compareTo)))
                .toList();
    }

    /** Another tenant's calendar id is reported exactly like a missing one: its existence is not leaked. */
    private void checkCalendar(QueueDraft draft) {
        if (draft.calendarId() != null && !calendars.exists(draft.calendarId())) {
            throw LineaProblemException.notFound("calendar");
        }
    }

    /**
     * Each action names the target its type needs and nothing else; targets must be the tenant's own
     * (another tenant's queue or agent reads as missing); numbers are stored normalised.
     */
    private QueueDraft checkOverflow(UUID self, QueueDraft draft) {
        Overflow o = draft.routing().overflow();
        Map<Overflow.Condition, OverflowAction> checked = new HashMap<>();
        for (Overflow.Condition condition : Overflow.Condition.values()) {
            checked.put(condition, check(self, field(condition), o.of(condition)));
        }
        Overflow overflow = new Overflow(checked.get(Overflow.Condition.CLOSED), checked.get(Overflow.Condition.TIMEOUT),
                checked.get(Overflow.Condition.FULL), checked.get(Overflow.Condition.NO_AGENTS));
        return new QueueDraft(draft.name(), draft.description(), draft.serviceLevelSeconds(), draft.enabled(),
                draft.calendarId(), draft.routing().withOverflow(overflow));
    }

    private OverflowAction check(UUID self, String field, OverflowAction action) {
        String message = action.message();
        return switch (action.type()) {
            case QUEUE -> {
                if (action.queueId() == null) {
                    throw InvalidInput.field(field + ".queueId", "queue.overflow-target-required");
                }
                if (action.queueId().equals(self)) {
                    throw InvalidInput.field(field + ".queueId", "queue.overflow-self");
                }
                if (!queues.existsById(action.queueId())) {
                    throw InvalidInput.field(field + ".queueId", "queue.overflow-target-missing");
                }
                yield new OverflowAction(action.type(), action.queueId(), null, null, message);
            }
            case AGENT -> {
                if (action.agentId() == null) {
                    throw InvalidInput.field(field + ".agentId", "queue.overflow-target-required");
                }
                List<AgentView> found = agents.find(List.of(action.agentId()));
                if (found.isEmpty()) {
                    throw InvalidInput.field(field + ".agentId", "queue.overflow-target-missing");
                }
                yield new OverflowAction(action.type(), null, action.agentId(), null, message);
            }
            case NUMBER -> {
                if (action.number() == null || action.number().isBlank()) {
                    throw InvalidInput.field(field + ".number", "queue.overflow-target-required");
                }
                yield new OverflowAction(action.type(), null, null, E164.require(field + ".number", action.number()),
                        message);
            }
            case ANNOUNCE_HANGUP -> {
                if (message == null) {
                    throw InvalidInput.field(field + ".message", "queue.overflow-target-required");
                }
                yield new OverflowAction(action.type(), null, null, null, message);
            }
            case VOICEMAIL, CALLBACK_OFFER -> new OverflowAction(action.type(), null, null, null, message);
        };
    }

    private static String field(Overflow.Condition condition) {
        return "overflow." + switch (condition) {
            case CLOSED -> "closed";
            case TIMEOUT -> "timeout";
            case FULL -> "full";
            case NO_AGENTS -> "noAgents";
        };
    }

    private Queue require(UUID id) {
        return queues.findById(id).orElseThrow(() -> LineaProblemException.notFound("queue"));
    }
}
