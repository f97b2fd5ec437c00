package io.linea.cc.callback;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The current tenant's voicemails. */
interface Voicemails extends JpaRepository<Voicemail, UUID> {
}
