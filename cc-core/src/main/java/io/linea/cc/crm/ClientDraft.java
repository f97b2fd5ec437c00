package io.linea.cc.crm;

import java.util.List;
import java.util.Map;

/** A client as a write asks for it, already checked and normalised (numbers E.164, addresses and tags lower case). */
record ClientDraft(String firstName, String lastName, String organisation, String externalId, String language,
        List<ClientView.Phone> phones, List<ClientView.Email> emails, List<String> tags, Map<String, Object> custom) {
}
