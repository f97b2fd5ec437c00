package io.linea.cc.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client card as the API and the screen pop show it (CRM-01, AGT-04). {@code custom} holds the values
 * of the tenant's current custom fields only; {@code link} opens the client in the tenant's own system
 * and is null without an external id or a link template (AGT-12).
 */
public record ClientView(UUID id, String firstName, String lastName, String organisation, String externalId,
        String language, List<Phone> phones, List<Email> emails, List<String> tags, Map<String, Object> custom,
        String link, Instant createdAt, Instant updatedAt, long version) {

    public record Phone(String number, String label) {
    }

    public record Email(String address, String label) {
    }
}
