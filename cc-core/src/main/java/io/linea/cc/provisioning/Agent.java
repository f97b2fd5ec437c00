package io.linea.cc.provisioning;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/**
 * An agent of one tenant and the SIP endpoint the agent's softphone registers with (TEL-04). The
 * column {@code last_call_ended_at} is deliberately not mapped: the call path writes it without a
 * version bump (see {@link JdbcTelephonyDirectory}), and an admin's edit must never overwrite it.
 */
@Entity
@Table(name = "agent")
class Agent {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String displayName;

    private UUID userId;

    @Enumerated(EnumType.STRING)
    private AgentReach reach;

    private String mobileE164;

    private boolean available;

    private int voiceCapacity = AgentCapacity.DEFAULT.voice();

    private int chatCapacity = AgentCapacity.DEFAULT.chat();

    private int emailCapacity = AgentCapacity.DEFAULT.email();

    private int smsCapacity = AgentCapacity.DEFAULT.sms();

    private int socialCapacity = AgentCapacity.DEFAULT.social();

    private boolean blended = AgentCapacity.DEFAULT.blended();

    private String sipUsername;

    private String md5Credential;

    @Version
    private Long version;

    protected Agent() {
    }

    Agent(AgentDraft draft, String mobileE164) {
        this.id = UUID.randomUUID();
        change(draft, mobileE164);
    }

    void change(AgentDraft draft, String mobileE164) {
        this.displayName = draft.displayName().strip();
        this.userId = draft.userId();
        this.reach = draft.reach();
        this.mobileE164 = mobileE164;
        this.available = draft.available();
        AgentCapacity capacity = draft.capacity();
        if (capacity != null) {
            this.voiceCapacity = capacity.voice();
            this.chatCapacity = capacity.chat();
            this.emailCapacity = capacity.email();
            this.smsCapacity = capacity.sms();
            this.socialCapacity = capacity.social();
            this.blended = capacity.blended();
        }
    }

    AgentCapacity capacity() {
        return new AgentCapacity(voiceCapacity, chatCapacity, emailCapacity, smsCapacity, socialCapacity, blended);
    }

    /** Sets a new password's digest; the SIP user name is created once and then kept. */
    void credentials(String password) {
        if (sipUsername == null) {
            sipUsername = SipCredentials.newUsername();
        }
        md5Credential = SipCredentials.md5Credential(sipUsername, password);
    }

    void revokeCredentials() {
        md5Credential = null;
    }

    UUID id() {
        return id;
    }

    String sipUsername() {
        return sipUsername;
    }

    boolean hasCredentials() {
        return md5Credential != null;
    }

    long version() {
        return version == null ? 0 : version;
    }

    AgentView view() {
        return new AgentView(id, displayName, userId, reach, mobileE164, available, sipUsername, hasCredentials(),
                capacity(), version());
    }
}
