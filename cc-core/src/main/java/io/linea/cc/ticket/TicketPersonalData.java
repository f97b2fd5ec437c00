package io.linea.cc.ticket;

import java.util.List;

import org.springframework.stereotype.Component;

import io.linea.cc.shared.PersonalDataRegistry.PersonalDataLocation;
import io.linea.cc.shared.PersonalDataRegistry.PersonalDataSource;
import io.linea.cc.shared.PersonalDataRegistry.Subject;

/**
 * Where the help desk keeps personal data (SEC-04): what customers asked and sent (subject, description,
 * comments, attachments with their text, and the attachments' bytes in the blob store under {@code blob_key},
 * encrypted with the tenant's key), who among the staff wrote or changed what, and the addresses escalation
 * e-mails go to. A ticket's customer is its client card ({@code client_id}); the card itself is the CRM's.
 */
@Component
class TicketPersonalData implements PersonalDataSource {

    private static final String TICKETS_OF_CLIENT = "ticket_id in (select id from cc.ticket where client_id = :clientId)";

    @Override
    public List<PersonalDataLocation> personalData() {
        return List.of(
                new PersonalDataLocation("ticket", List.of("subject", "description", "search_vector"),
                        Subject.CUSTOMER, "ticket", "client_id = :clientId"),
                new PersonalDataLocation("ticket", List.of("created_by"), Subject.STAFF, "ticket",
                        "created_by = :personId"),
                new PersonalDataLocation("ticket_comment", List.of("text"), Subject.CUSTOMER, "ticket",
                        TICKETS_OF_CLIENT),
                new PersonalDataLocation("ticket_comment", List.of("author_id", "author_name"), Subject.STAFF,
                        "ticket", "author_id = :personId"),
                new PersonalDataLocation("ticket_attachment", List.of("file_name", "text", "search_vector",
                        "blob_key"), Subject.CUSTOMER, "ticket", TICKETS_OF_CLIENT),
                new PersonalDataLocation("ticket_attachment", List.of("uploaded_by", "uploaded_by_name"),
                        Subject.STAFF, "ticket", "uploaded_by = :personId"),
                new PersonalDataLocation("ticket_event", List.of("detail"), Subject.CUSTOMER, "ticket",
                        TICKETS_OF_CLIENT),
                new PersonalDataLocation("ticket_event", List.of("actor_id", "actor_name"), Subject.STAFF, "ticket",
                        "actor_id = :personId"),
                new PersonalDataLocation("ticket_escalation_rule", List.of("notify_emails"), Subject.STAFF, "ticket",
                        ":email = any(notify_emails)"),
                new PersonalDataLocation("ticket_escalation", List.of("email_to"), Subject.STAFF, "ticket",
                        ":email = any(email_to)"));
    }
}
