package io.linea.cc.callback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** A caller's message: the audio is an encrypted blob of the tenant (IVR-09). */
@Entity
@Table(name = "voicemail")
class Voicemail {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private UUID interactionId;

    private String caller;

    private UUID queueId;

    private Instant recordedAt;

    private long durationMs;

    private long sizeBytes;

    private String blobKey;

    protected Voicemail() {
    }

    Voicemail(UUID interactionId, String caller, UUID queueId, Instant recordedAt, long durationMs, long sizeBytes,
            String blobKey) {
        this.id = UUID.randomUUID();
        this.interactionId = interactionId;
        this.caller = caller;
        this.queueId = queueId;
        this.recordedAt = recordedAt;
        this.durationMs = durationMs;
        this.sizeBytes = sizeBytes;
        this.blobKey = blobKey;
    }

    UUID id() {
        return id;
    }

    long durationMs() {
        return durationMs;
    }

    String blobKey() {
        return blobKey;
    }
}
