package io.linea.cc.provisioning;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/**
 * The current tenant's agents and their SIP endpoints (TEL-04). Changes to an agent that has an endpoint
 * are announced with {@link TelephonyConfigChanged}, received by listeners after the commit.
 */
@Service
public class AgentManagement {

    private static final Logger log = LoggerFactory.getLogger(AgentManagement.class);
    private static final int MIN_PASSWORD_LENGTH = 8;

    private final Agents agents;
    private final ApplicationEventPublisher events;
    private final ProvisioningSettings settings;

    AgentManagement(Agents agents, ApplicationEventPublisher events, ProvisioningSettings settings) {
        this.agents = agents;
        this.events = events;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public Paged<AgentView> list(int page, int size) {
        return Paged.of(agents.findAll(PageRequest.of(page, size, Sort.by("displayName", "id"))), Agent::view);
    }

    @Transactional(readOnly = true)
    public AgentView get(UUID id) {
        return require(id).view();
    }

    /** The current tenant's agents among {@code ids}; another tenant's id is simply absent. */
    @Transactional(readOnly = true)
    public java.util.List<AgentView> find(java.util.Collection<UUID> ids) {
        return agents.findAllById(ids).stream().map(Agent::view).toList();
    }

    @Transactional(readOnly = true)
    public boolean existsByDisplayName(String displayName) {
        return agents.exists(Agents.named(displayName));
    }

    @Transactional
    public AgentView create(AgentDraft draft) {
        Agent agent = agents.saveAndFlush(new Agent(draft, mobile(draft)));
        log.info("Agent {} created (reach {})", agent.id(), draft.reach());
        events.publishEvent(new AgentChanged(TenantContext.requireTenant(), agent.id()));
        return agent.view();
    }

    @Transactional
    public AgentView update(UUID id, long expectedVersion, AgentDraft draft) {
        Agent agent = require(id);
        if (agent.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Agent.class, id);
        }
        agent.change(draft, mobile(draft));
        agent = agents.saveAndFlush(agent);
        log.info("Agent {} changed (reach {}, available {})", id, draft.reach(), draft.available());
        announce(agent, !agent.hasCredentials());
        events.publishEvent(new AgentChanged(TenantContext.requireTenant(), id));
        return agent.view();
    }

    @Transactional
    public void delete(UUID id) {
        Agent agent = require(id);
        agents.delete(agent);
        agents.flush();
        log.info("Agent {} deleted", id);
        announce(agent, true);
        events.publishEvent(new AgentChanged(TenantContext.requireTenant(), id));
    }

    /** New credentials with a generated password, which the answer carries and nothing keeps. */
    @Transactional
    public AgentCredentials issueCredentials(UUID id) {
        return issue(id, SipCredentials.newPassword());
    }

    /**
     * New credentials with a password the caller chose. Only for the demo seed, whose documented password
     * people type into softphones; everything else lets the platform generate one.
     */
    @Transactional
    public AgentCredentials issueCredentials(UUID id, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A SIP password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return issue(id, password);
    }

    @Transactional
    public void revokeCredentials(UUID id) {
        Agent agent = require(id);
        if (!agent.hasCredentials()) {
            return;
        }
        agent.revokeCredentials();
        agents.saveAndFlush(agent);
        log.info("Agent {} SIP credentials of {} revoked", id, agent.sipUsername());
        announce(agent, true);
    }

    private AgentCredentials issue(UUID id, String password) {
        Agent agent = require(id);
        boolean replaced = agent.hasCredentials();
        agent.credentials(password);
        agent = agents.saveAndFlush(agent);
        log.info("Agent {} SIP credentials {} for {}", id, replaced ? "replaced" : "issued", agent.sipUsername());
        announce(agent, false);
        return new AgentCredentials(agent.sipUsername(), password, AgentEndpointConfig.REALM, settings.sipDomain(),
                settings.wssUrl());
    }

    /** An agent without a SIP user name never had an endpoint, so Asterisk has nothing to change. */
    private void announce(Agent agent, boolean removed) {
        if (agent.sipUsername() != null) {
            events.publishEvent(new TelephonyConfigChanged(TelephonyConfigChanged.Kind.AGENT, agent.sipUsername(),
                    removed));
        }
    }

    private static String mobile(AgentDraft draft) {
        String mobile = draft.mobileE164() == null || draft.mobileE164().isBlank() ? null
                : E164.require("mobileE164", draft.mobileE164());
        if (draft.reach() == AgentReach.MOBILE && mobile == null) {
            throw InvalidInput.field("mobileE164", "agent.mobile-required");
        }
        return mobile;
    }

    private Agent require(UUID id) {
        return agents.findById(id).orElseThrow(() -> LineaProblemException.notFound("agent"));
    }
}
