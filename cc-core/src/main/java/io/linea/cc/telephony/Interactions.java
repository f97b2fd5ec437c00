package io.linea.cc.telephony;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Interactions extends JpaRepository<Interaction, UUID> {

    Page<Interaction> findByDirection(Interaction.Direction direction, Pageable page);

    List<Interaction> findByStateIn(Collection<Interaction.State> states);
}
