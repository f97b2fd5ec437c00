package io.linea.identity.person;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * Read-only view of the searchable columns of {@code identity.person} (a platform-level table without
 * {@code tenant_id}), so that the member search can join memberships to people in JPQL. People are
 * written by {@link PersonStore}; this entity is never persisted.
 */
@Entity
@Immutable
@Table(name = "person")
class PersonName {

    @Id
    private UUID id;

    @Column(name = "username", nullable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "email")
    private String email;

    protected PersonName() {
    }
}
