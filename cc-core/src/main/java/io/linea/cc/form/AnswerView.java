package io.linea.cc.form;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.linea.cc.crm.ClientFieldView;

/**
 * A filled intake form (CRM-06), with the fields of the form version it was filled on, so that it reads the
 * same after the form changes. {@code version} counts the edits; the values it had are at
 * {@code /versions}.
 */
public record AnswerView(UUID id, UUID formId, String formName, long formVersion, UUID interactionId, UUID clientId,
        List<Value> fields, Instant createdAt, UUID createdBy, String createdByName, Instant updatedAt,
        UUID updatedBy, String updatedByName, long version) {

    /**
     * One field with its value. Without a value the {@code value} member is absent; a field the reader's
     * roles may not see comes with {@code hidden: true} and never with its value (CRM-06).
     */
    public record Value(String key, String label, ClientFieldView.Type type, boolean required, List<String> options,
            @JsonInclude(JsonInclude.Include.NON_NULL) Object value, boolean hidden) {
    }

    /** One set of values the answer had: {@code number} 1 is the first filling, the highest the current one. */
    public record Version(int number, List<Value> fields, UUID authorId, String authorName, Instant writtenAt) {
    }
}
