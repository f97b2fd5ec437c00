package io.linea.cc.crm;

import java.util.List;

import org.springframework.stereotype.Component;

import io.linea.cc.shared.PersonalDataRegistry.PersonalDataLocation;
import io.linea.cc.shared.PersonalDataRegistry.PersonalDataSource;
import io.linea.cc.shared.PersonalDataRegistry.Subject;

/** Where the client card keeps personal data (SEC-04); erasing a client is {@code DELETE /api/cc/clients/{id}}. */
@Component
class CrmPersonalData implements PersonalDataSource {

    @Override
    public List<PersonalDataLocation> personalData() {
        return List.of(
                new PersonalDataLocation("client",
                        List.of("first_name", "last_name", "organisation", "external_id", "language", "tags", "custom",
                                "search_text", "search_vector", "sort_name", "sort_first"),
                        Subject.CUSTOMER, "crm", "id = :clientId"),
                // the search words of a card and its name's sort keys, kept by a trigger, gone with the card (CRM-03)
                new PersonalDataLocation("client_word", List.of("word", "sort_name", "sort_first"), Subject.CUSTOMER,
                        "crm", "client_id = :clientId"),
                new PersonalDataLocation("client_phone", List.of("number", "label"), Subject.CUSTOMER, "crm",
                        "client_id = :clientId or number = :e164"),
                // the tails of a number's digits, kept by a trigger, gone with the number (CRM-03)
                new PersonalDataLocation("client_phone_digits", List.of("tail"), Subject.CUSTOMER, "crm",
                        "phone_id in (select id from cc.client_phone where client_id = :clientId or number = :e164)"),
                new PersonalDataLocation("client_email", List.of("address", "label"), Subject.CUSTOMER, "crm",
                        "client_id = :clientId or address = :email"),
                new PersonalDataLocation("client_note", List.of("text"), Subject.CUSTOMER, "crm",
                        "client_id = :clientId"),
                new PersonalDataLocation("client_note", List.of("created_by", "created_by_name", "updated_by",
                        "updated_by_name"), Subject.STAFF, "crm", "created_by = :personId or updated_by = :personId"),
                new PersonalDataLocation("client_note_version", List.of("text"), Subject.CUSTOMER, "crm",
                        "note_id in (select id from cc.client_note where client_id = :clientId)"),
                new PersonalDataLocation("client_note_version", List.of("author_id", "author_name"), Subject.STAFF,
                        "crm", "author_id = :personId"),
                // CRM-05: the original values of rejected import rows, deleted with their report after 7 days
                new PersonalDataLocation("client_import_rejection", List.of("raw"), Subject.CUSTOMER, "crm",
                        "strpos(raw, :e164) > 0 or strpos(raw, :email) > 0"),
                new PersonalDataLocation("client_import", List.of("requested_by"), Subject.STAFF, "crm",
                        "requested_by = :personId"));
    }
}
