package io.linea.cc.form;

import java.util.List;

import org.springframework.stereotype.Component;

import io.linea.cc.shared.PersonalDataRegistry.PersonalDataLocation;
import io.linea.cc.shared.PersonalDataRegistry.PersonalDataSource;
import io.linea.cc.shared.PersonalDataRegistry.Subject;

/**
 * Where intake forms and category changes keep personal data (SEC-04): answers' values and change notes
 * are about the tenant's customers, authors are staff. Erasing a client card erases the answers linked to
 * it (a cascading foreign key); answers and notes of a caller are also found through their calls' number.
 */
@Component
class FormPersonalData implements PersonalDataSource {

    private static final String CALLS_OF_NUMBER = "select id from cc.interaction where remote_number = :e164";

    @Override
    public List<PersonalDataLocation> personalData() {
        return List.of(
                new PersonalDataLocation("form_answer", List.of("field_values"), Subject.CUSTOMER, "form",
                        "client_id = :clientId or interaction_id in (" + CALLS_OF_NUMBER + ")"),
                new PersonalDataLocation("form_answer", List.of("created_by", "created_by_name", "updated_by",
                        "updated_by_name"), Subject.STAFF, "form", "created_by = :personId or updated_by = :personId"),
                new PersonalDataLocation("form_answer_version", List.of("field_values"), Subject.CUSTOMER, "form",
                        "answer_id in (select id from cc.form_answer where client_id = :clientId or interaction_id in ("
                                + CALLS_OF_NUMBER + "))"),
                new PersonalDataLocation("form_answer_version", List.of("author_id", "author_name"), Subject.STAFF,
                        "form", "author_id = :personId"),
                new PersonalDataLocation("interaction_category_change", List.of("note"), Subject.CUSTOMER, "form",
                        "interaction_id in (" + CALLS_OF_NUMBER + ")"),
                new PersonalDataLocation("interaction_category_change", List.of("changed_by", "changed_by_name"),
                        Subject.STAFF, "form", "changed_by = :personId"),
                new PersonalDataLocation("intake_form_version", List.of("created_by", "created_by_name"),
                        Subject.STAFF, "form", "created_by = :personId"));
    }
}
