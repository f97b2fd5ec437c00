package io.linea.cc.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.linea.cc.blob.TenantBlobs;
import io.linea.cc.callback.CallbackView.Kind;
import io.linea.cc.callback.CallbackView.Outcome;
import io.linea.cc.queue.QueueManagement;
import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/**
 * The work list of callbacks, missed calls and voicemails (ACD-10, ACD-14, IVR-09). Telephony adds
 * items with an explicit tenant (it runs outside any request); people handle them in the current
 * tenant. An item leaves the open list only with a recorded outcome, who and when.
 */
@Service
public class CallbackManagement {

    private static final Logger log = LoggerFactory.getLogger(CallbackManagement.class);

    public enum Filter {
        OPEN, DONE, ALL
    }

    private final Callbacks callbacks;
    private final Voicemails voicemails;
    private final TenantBlobs blobs;
    private final QueueManagement queues;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    CallbackManagement(Callbacks callbacks, Voicemails voicemails, TenantBlobs blobs, QueueManagement queues,
            PlatformTransactionManager transactions, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.callbacks = callbacks;
        this.voicemails = voicemails;
        this.blobs = blobs;
        this.queues = queues;
        this.tx = new TransactionTemplate(transactions);
        this.clock = Clock.systemUTC();
    }

    // --- items made by telephony (explicit tenant) ------------------------------------------------------

    /** A caller left without reaching anybody (ACD-14). */
    public UUID missedCall(UUID tenantId, UUID interactionId, String number, UUID queueId, Instant at) {
        return add(tenantId, new Callback(Kind.MISSED, number, queueId, interactionId, at, null, null));
    }

    /** A caller asked to be called back, at {@code preferredAt} or as soon as possible (null) (ACD-10). */
    public UUID callbackRequested(UUID tenantId, UUID interactionId, String number, UUID queueId, Instant at,
            Instant preferredAt) {
        return add(tenantId, new Callback(Kind.CALLBACK, number, queueId, interactionId, at, preferredAt, null));
    }

    /**
     * A caller left a message (IVR-09): the audio is encrypted with the tenant's key and stored, then the
     * voicemail and its work-list item are written in one transaction.
     */
    public UUID voicemailRecorded(UUID tenantId, UUID interactionId, String number, UUID queueId, Instant at,
            byte[] audio, long durationMs) {
        String key = blobs.put(tenantId, "voicemail", audio);
        return TenantContext.callAs(tenantId, () -> tx.execute(status -> {
            Voicemail voicemail = voicemails.save(new Voicemail(interactionId, number, queueId, at, durationMs,
                    audio.length, key));
            Callback item = callbacks.save(new Callback(Kind.VOICEMAIL, number, queueId, interactionId, at, null,
                    voicemail.id()));
            log.info("Voicemail {} of {} ms stored for interaction {}", voicemail.id(), durationMs, interactionId);
            return item.id();
        }));
    }

    /** The router reached the caller of a kept place (or tried to): counted, and closed when reached (ACD-10). */
    public void callbackAttempted(UUID tenantId, UUID id, boolean reached) {
        TenantContext.runAs(tenantId, () -> tx.executeWithoutResult(status -> callbacks.findById(id).ifPresent(item -> {
            item.attempted(clock.instant());
            if (reached) {
                item.finish(Outcome.REACHED, null, clock.instant(), null, null);
            } else {
                item.reopen();
            }
            log.info("Callback {} attempted: {}", id, reached ? "reached" : "not reached, back on the list");
        })));
    }

    /** A scheduled callback whose time has come (ACD-10): its queue reserves an agent, then the caller is dialled. */
    public record DueCallback(UUID tenantId, UUID id, String number, UUID queueId, Instant preferredAt) {
    }

    /**
     * Claims the scheduled callbacks due by {@code now}, of every tenant: each becomes open (it is on the list
     * for people too) and is returned once, even with several instances polling.
     */
    public List<DueCallback> claimDue(Instant now) {
        return TenantContext.callAsPlatform(() -> tx.execute(status -> jdbc.sql("""
                update cc.callback set status = 'OPEN', version = version + 1
                where id in (select id from cc.callback where status = 'SCHEDULED' and preferred_at <= :now
                             order by preferred_at limit 100 for update skip locked)
                returning tenant_id, id, number, queue_id, preferred_at
                """).param("now", java.sql.Timestamp.from(now)).query((row, i) -> new DueCallback(
                row.getObject("tenant_id", UUID.class), row.getObject("id", UUID.class), row.getString("number"),
                row.getObject("queue_id", UUID.class), row.getTimestamp("preferred_at").toInstant())).list()));
    }

    /**
     * A callback people schedule for a customer (ACD-10): at {@code preferredAt} (or at once when null or
     * past) its queue reserves an agent and dials the number; without a queue it waits on the list.
     */
    @Transactional
    public CallbackView schedule(String number, UUID queueId, Instant preferredAt) {
        if (queueId != null && queues.names(List.of(queueId)).isEmpty()) {
            throw io.linea.cc.shared.InvalidInput.field("queueId", "number.queue-missing");
        }
        Instant now = clock.instant();
        Callback item = callbacks.saveAndFlush(new Callback(Kind.CALLBACK, number, queueId, null, now,
                preferredAt == null || preferredAt.isBefore(now) ? now : preferredAt, null).scheduledForQueue());
        log.info("Callback {} scheduled for {}", item.id(), preferredAt);
        return views(List.of(item)).getFirst();
    }

    private UUID add(UUID tenantId, Callback item) {
        return TenantContext.callAs(tenantId, () -> tx.execute(status -> {
            callbacks.save(item);
            log.info("Work-list item {} added", item.id());
            return item.id();
        }));
    }

    // --- the current tenant's list -------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Paged<CallbackView> list(Filter filter, Kind kind, int page, int size) {
        Specification<Callback> spec = switch (filter) {
            case OPEN -> Callbacks.open();
            case DONE -> Callbacks.done();
            case ALL -> Specification.unrestricted();
        };
        if (kind != null) {
            spec = spec.and(Callbacks.kind(kind));
        }
        // open work oldest first (who waits longest is called first); finished work newest first
        Sort sort = filter == Filter.OPEN ? Sort.by("createdAt", "id") : Sort.by(Sort.Direction.DESC, "createdAt", "id");
        Page<Callback> found = callbacks.findAll(spec, PageRequest.of(page, size, sort));
        return new Paged<>(views(found.getContent()), found.getNumber(), found.getSize(), found.getTotalElements());
    }

    @Transactional(readOnly = true)
    public CallbackView get(UUID id) {
        return views(List.of(require(id))).getFirst();
    }

    /** Records the outcome; an item already done is refused, so two agents never both close it unnoticed. */
    @Transactional
    public CallbackView done(UUID id, long expectedVersion, Outcome outcome, String note, UUID by, String byName) {
        Callback item = require(id);
        if (item.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Callback.class, id);
        }
        if (item.done()) {
            throw LineaProblemException.conflict("callback.done");
        }
        item.finish(Objects.requireNonNull(outcome), note, clock.instant(), by, byName);
        log.info("Work-list item {} done: {}", id, outcome);
        return views(List.of(callbacks.saveAndFlush(item))).getFirst();
    }

    /** The number to call an open item back on; a done item or a withheld number is refused. */
    @Transactional(readOnly = true)
    public String numberToDial(UUID id) {
        Callback item = require(id);
        if (item.done()) {
            throw LineaProblemException.conflict("callback.done");
        }
        if (item.number() == null) {
            throw LineaProblemException.conflict("callback.no-number");
        }
        return item.number();
    }

    /** Somebody called the item's number: counted, and shown as in progress until an outcome is recorded. */
    @Transactional
    public void attempted(UUID id) {
        Callback item = require(id);
        item.attempted(clock.instant());
        callbacks.saveAndFlush(item);
    }

    /** The audio of a voicemail of the current tenant, decrypted. */
    @Transactional(readOnly = true)
    public byte[] voicemailAudio(UUID voicemailId) {
        Voicemail voicemail = voicemails.findById(voicemailId)
                .orElseThrow(() -> LineaProblemException.notFound("voicemail"));
        try {
            return blobs.get(TenantContext.requireTenant(), voicemail.blobKey());
        } catch (RuntimeException e) {
            log.error("Voicemail {} cannot be read: {}", voicemailId, e.toString());
            throw new LineaProblemException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "voicemail.unavailable");
        }
    }

    private List<CallbackView> views(List<Callback> items) {
        Map<UUID, String> queueNames = queues.names(items.stream().map(Callback::queueId).filter(Objects::nonNull)
                .distinct().toList());
        Map<UUID, Voicemail> byId = new HashMap<>();
        voicemails.findAllById(items.stream().map(Callback::voicemailId).filter(Objects::nonNull).toList())
                .forEach(v -> byId.put(v.id(), v));
        return items.stream().map(c -> {
            Voicemail v = c.voicemailId() == null ? null : byId.get(c.voicemailId());
            return c.view(c.queueId() == null ? null : queueNames.get(c.queueId()),
                    v == null ? null : new CallbackView.VoicemailRef(v.id(), v.durationMs()));
        }).toList();
    }

    private Callback require(UUID id) {
        return callbacks.findById(id).orElseThrow(() -> LineaProblemException.notFound("callback"));
    }
}
