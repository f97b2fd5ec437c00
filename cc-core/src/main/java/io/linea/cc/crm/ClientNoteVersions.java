package io.linea.cc.crm;

import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Every text the current tenant's notes had. */
interface ClientNoteVersions extends JpaRepository<ClientNoteVersion, UUID>, JpaSpecificationExecutor<ClientNoteVersion> {

    static Specification<ClientNoteVersion> ofNote(UUID noteId) {
        return (root, query, cb) -> cb.equal(root.get("noteId"), noteId);
    }
}
