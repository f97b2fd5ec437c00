package io.linea.cc.integration;

import java.util.List;

import org.springframework.stereotype.Component;

import io.linea.cc.shared.PersonalDataRegistry.PersonalDataLocation;
import io.linea.cc.shared.PersonalDataRegistry.PersonalDataSource;
import io.linea.cc.shared.PersonalDataRegistry.Subject;

/** Who created and revoked API credentials (SEC-04): tenant staff, named in the credential audit trail. */
@Component
class IntegrationPersonalData implements PersonalDataSource {

    @Override
    public List<PersonalDataLocation> personalData() {
        return List.of(
                new PersonalDataLocation("api_credential", List.of("created_by", "revoked_by"), Subject.STAFF,
                        "integration", "created_by = :personId or revoked_by = :personId"),
                new PersonalDataLocation("api_credential_event", List.of("actor_id", "actor_name"), Subject.STAFF,
                        "integration", "actor_id = :personId"));
    }
}
