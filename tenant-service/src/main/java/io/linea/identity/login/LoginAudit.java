package io.linea.identity.login;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.linea.identity.audit.Actor;
import io.linea.identity.audit.AuditLog;
import io.linea.identity.person.MembershipView;
import io.linea.identity.person.Person;
import io.linea.identity.person.PersonStore;
import io.linea.identity.support.RequestInfo;
import io.linea.identity.support.Tx;

/**
 * Audits sign-in and sign-out outcomes: one entry in every tenant the person belongs to, or one
 * platform entry when the person is unknown or has no membership. Always in its own transaction, so
 * that a refused login is recorded even though nothing else changes.
 */
@Component
public class LoginAudit {

    private final AuditLog audit;
    private final PersonStore people;
    private final Tx tx;

    public LoginAudit(AuditLog audit, PersonStore people, Tx tx) {
        this.audit = audit;
        this.people = people;
        this.tx = tx;
    }

    /** Within a platform-scope transaction the caller already holds. */
    public void record(Person person, String attemptedUsername, List<MembershipView> memberships, String type,
            String outcome, String reason, RequestInfo request, Map<String, ?> extra) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", person != null ? person.username() : RequestInfo.truncate(attemptedUsername, 100));
        if (reason != null) {
            details.put("reason", reason);
        }
        if (extra != null) {
            details.putAll(extra);
        }
        Actor actor = person != null ? new Actor(person.id(), person.username())
                : new Actor(null, RequestInfo.truncate(attemptedUsername, 100));
        if (memberships == null || memberships.isEmpty()) {
            audit.platform(type, outcome, actor, null, details, request);
        } else {
            for (MembershipView membership : memberships) {
                audit.tenant(membership.tenantId(), type, outcome, actor, details, request);
            }
        }
    }

    /** In a new platform-scope transaction, looking the person's memberships up. */
    public void recordFor(UUID personId, String type, String outcome, String reason, RequestInfo request) {
        tx.platformRun(() -> people.find(personId).ifPresent(person -> record(person, null,
                people.memberships(personId), type, outcome, reason, request, null)));
    }
}
