package io.linea.cc.kb;

import java.util.List;

import org.springframework.stereotype.Component;

import io.linea.cc.shared.PersonalDataRegistry.PersonalDataLocation;
import io.linea.cc.shared.PersonalDataRegistry.PersonalDataSource;
import io.linea.cc.shared.PersonalDataRegistry.Subject;

/**
 * Where the knowledge base keeps personal data (SEC-04): the staff who wrote, revised and used articles.
 * Articles are the tenant's own texts, not about customers.
 */
@Component
class KbPersonalData implements PersonalDataSource {

    @Override
    public List<PersonalDataLocation> personalData() {
        return List.of(
                new PersonalDataLocation("kb_article", List.of("updated_by", "updated_by_name"), Subject.STAFF, "kb",
                        "updated_by = :personId"),
                new PersonalDataLocation("kb_article_version", List.of("edited_by", "edited_by_name"), Subject.STAFF,
                        "kb", "edited_by = :personId"),
                new PersonalDataLocation("kb_article_use", List.of("used_by"), Subject.STAFF, "kb",
                        "used_by = :personId"));
    }
}
