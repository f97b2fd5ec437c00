package io.linea.cc.crm;

import java.util.List;
import java.util.Map;

/**
 * One card of an integration upsert (CRM-05), keyed by {@code externalId}. A null field is left as the
 * card has it; a given one replaces it (phones, e-mails and tags as a whole, custom values per key, a
 * null custom value removes it).
 */
public record ClientUpsertItem(String externalId, String firstName, String lastName, String organisation,
        String language, List<ClientView.Phone> phones, List<ClientView.Email> emails, List<String> tags,
        Map<String, Object> custom) {
}
