package io.linea.cc.crm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/**
 * A client's notes with every version of their text (AGT-05) and the client's interaction history
 * (CRM-01). The history reads the interaction log with SQL rather than through the telephony module, so
 * that telephony can use {@link ClientDirectory} for its screen pop without a cycle between the modules.
 */
@Service
public class ClientHistory {

    private static final Logger log = LoggerFactory.getLogger(ClientHistory.class);

    private final ClientDirectory directory;
    private final ClientNotes notes;
    private final ClientNoteVersions versions;
    private final JdbcClient jdbc;

    ClientHistory(ClientDirectory directory, ClientNotes notes, ClientNoteVersions versions, JdbcClient jdbc) {
        this.directory = directory;
        this.notes = notes;
        this.versions = versions;
        this.jdbc = jdbc;
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<NoteView> notes(UUID clientId) {
        directory.requireExists(clientId);
        return notes.findAll(ClientNotes.ofClient(clientId), Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))
                .stream().map(ClientNote::view).toList();
    }

    /** A note, optionally on one of the tenant's interactions (another tenant's id is reported like a missing one). */
    @Transactional
    public NoteView addNote(UUID clientId, UUID interactionId, String text, UUID author, String authorName) {
        directory.requireExists(clientId);
        if (interactionId != null && !interactionExists(interactionId)) {
            throw InvalidInput.field("interactionId", "client-note.interaction-missing");
        }
        Instant now = ClientDirectory.now();
        ClientNote note = notes.saveAndFlush(new ClientNote(clientId, interactionId, text, author, authorName, now));
        versions.saveAndFlush(new ClientNoteVersion(note.id(), 1, text, author, authorName, now));
        directory.refreshSearch(clientId);
        log.info("Note {} added to client {}", note.id(), clientId);
        return note.view();
    }

    /** The new text becomes the next version; the earlier ones stay readable (AGT-05). */
    @Transactional
    public NoteView editNote(UUID clientId, UUID noteId, long expectedVersion, String text, UUID author,
            String authorName) {
        ClientNote note = requireNote(clientId, noteId);
        if (note.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(ClientNote.class, noteId);
        }
        Instant now = ClientDirectory.now();
        if (!note.edit(text, author, authorName, now)) {
            return note.view();
        }
        note = notes.saveAndFlush(note);
        versions.saveAndFlush(new ClientNoteVersion(noteId, (int) note.version() + 1, text, author, authorName, now));
        directory.refreshSearch(clientId);
        log.info("Note {} of client {} edited", noteId, clientId);
        return note.view();
    }

    /** Every text the note had, the current one first. */
    @Transactional(readOnly = true)
    public List<NoteView.Version> versions(UUID clientId, UUID noteId) {
        requireNote(clientId, noteId);
        return versions.findAll(ClientNoteVersions.ofNote(noteId), Sort.by(Sort.Order.desc("number"))).stream()
                .map(ClientNoteVersion::view).toList();
    }

    /** The tenant's interactions with any of the client's numbers, newest first (CRM-01). */
    @Transactional(readOnly = true)
    public Paged<ClientInteractionView> interactions(UUID clientId, int page, int size) {
        directory.requireExists(clientId);
        UUID tenant = TenantContext.requireTenant();
        String numbers = "(select p.number from cc.client_phone p where p.tenant_id = :tenant and p.client_id = :client)";
        long total = jdbc.sql("select count(*) from cc.interaction i where i.tenant_id = :tenant and i.remote_number in "
                + numbers).param("tenant", tenant).param("client", clientId).query(Long.class).single();
        List<ClientInteractionView> items = jdbc.sql("""
                select i.id, i.medium, i.direction, i.state, i.tenant_number, i.remote_number, i.agent_id, i.agent_name,
                       i.started_at, i.answered_at, i.ended_at, i.talk_ms, i.end_reason,
                       (select count(*) from cc.client_note n where n.tenant_id = i.tenant_id and n.client_id = :client
                          and n.interaction_id = i.id) as notes
                from cc.interaction i where i.tenant_id = :tenant and i.remote_number in """ + numbers + """
                 order by i.started_at desc, i.id desc limit :limit offset :offset
                """).param("tenant", tenant).param("client", clientId).param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new ClientInteractionView(rs.getObject("id", UUID.class), rs.getString("medium"),
                        rs.getString("direction"), rs.getString("state"), rs.getString("tenant_number"),
                        rs.getString("remote_number"), rs.getObject("agent_id", UUID.class), rs.getString("agent_name"),
                        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("answered_at")),
                        instant(rs.getTimestamp("ended_at")),
                        rs.getObject("talk_ms") == null ? null : rs.getLong("talk_ms") / 1000.0,
                        rs.getString("end_reason"), rs.getInt("notes")))
                .list();
        return new Paged<>(items, page, size, total);
    }

    private boolean interactionExists(UUID interactionId) {
        return jdbc.sql("select count(*) from cc.interaction where tenant_id = :tenant and id = :id")
                .param("tenant", TenantContext.requireTenant()).param("id", interactionId).query(Long.class)
                .single() > 0;
    }

    /** A note of this client, or 404: a note id under another client (or tenant) is not found. */
    private ClientNote requireNote(UUID clientId, UUID noteId) {
        directory.requireExists(clientId);
        return notes.findById(noteId).filter(n -> n.clientId().equals(clientId))
                .orElseThrow(() -> LineaProblemException.notFound("note"));
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
