package io.linea.cc.form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.crm.CustomValues;
import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.cc.telephony.InteractionManagement;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.problem.LineaProblemException.FieldProblem;
import io.linea.platform.tenancy.TenantContext;

/**
 * Filling intake forms for interactions and reading them back (CRM-06). Values are checked like the
 * client card's custom values (type, required, options; CRM-02), each problem at {@code values.<key>}.
 * Agents see the answers they filled; whoever holds {@code agents.monitor} sees all of them; a field
 * whose {@code visibleTo} excludes all of the reader's roles comes back hidden, without its value.
 */
@Service
public class FormAnswerManagement {

    /** Form values' problems: {@code values.<key>}, codes {@code form.value-…}. */
    static final CustomValues.Codes VALUES = new CustomValues.Codes("values", "form.value");

    private static final Logger log = LoggerFactory.getLogger(FormAnswerManagement.class);

    /** Optional filters of the answer list; {@code mine} limits it to the caller's own answers. */
    public record Filter(UUID interactionId, UUID clientId, UUID formId, boolean mine) {
    }

    private final FormManagement forms;
    private final FormAnswers answers;
    private final FormAnswerVersions versions;
    private final InteractionManagement interactions;
    private final JdbcClient jdbc;

    FormAnswerManagement(FormManagement forms, FormAnswers answers, FormAnswerVersions versions,
            InteractionManagement interactions, JdbcClient jdbc) {
        this.forms = forms;
        this.answers = answers;
        this.versions = versions;
        this.interactions = interactions;
        this.jdbc = jdbc;
    }

    /**
     * Fills the current version of an active form for an interaction of the current tenant, during or
     * after the contact. 404 for an interaction the tenant does not have; an unknown or inactive form or an
     * unknown client is a field problem.
     */
    @Transactional
    public AnswerView fill(UUID interactionId, UUID formId, UUID clientId, Map<String, Object> values, Caller author) {
        if (interactions.existing(Set.of(interactionId)).isEmpty()) {
            throw LineaProblemException.notFound("interaction");
        }
        Form form = forms.find(formId).orElseThrow(() -> InvalidInput.field("formId", "form-answer.form-missing"));
        if (!form.active()) {
            throw InvalidInput.field("formId", "form-answer.form-inactive");
        }
        requireClient(clientId);
        List<FormField> fields = FormManagement.fields(form.fields());
        String checked = FormManagement.JSON.writeValueAsString(CustomValues.check(rules(fields), values, VALUES));
        var now = FormManagement.now();
        FormAnswer answer = answers.saveAndFlush(new FormAnswer(form.id(), form.version(), interactionId, clientId,
                checked, author, now));
        versions.saveAndFlush(new FormAnswerVersion(answer.id(), 1, checked, author, now));
        log.info("Form {} filled for interaction {} as answer {}", formId, interactionId, answer.id());
        return view(answer, forms.version(form.id(), form.version()), author);
    }

    /**
     * Replaces the answer's values (and its client) with the fields of the version it was filled on; the
     * earlier values stay readable as versions with their author and time. Values of fields the caller may
     * not see are kept as they were and cannot be changed ({@code form.value-hidden}; null is ignored).
     */
    @Transactional
    public AnswerView edit(UUID id, long expectedVersion, UUID clientId, Map<String, Object> values, Caller author) {
        FormAnswer answer = requireVisible(id, author);
        if (answer.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(FormAnswer.class, id);
        }
        FormVersion definition = forms.version(answer.formId(), answer.formVersion());
        List<FormField> fields = FormManagement.fields(definition.fields());
        Map<String, Object> stored = stored(answer.fieldValues());
        Map<String, Object> submitted = values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values);
        List<FieldProblem> hidden = new ArrayList<>();
        for (FormField field : fields) {
            if (field.visibleFor(author.roles())) {
                continue;
            }
            // null is what a form shows for a hidden field: it means "leave it", not "clear it"
            if (submitted.remove(field.key()) != null) {
                hidden.add(new FieldProblem(VALUES.path() + "." + field.key(), "form.value-hidden", field.label()));
            } else if (stored.containsKey(field.key())) {
                submitted.put(field.key(), stored.get(field.key()));
            }
        }
        if (!hidden.isEmpty()) {
            throw new LineaProblemException(HttpStatus.BAD_REQUEST, "validation.failed", hidden);
        }
        String checked = FormManagement.JSON.writeValueAsString(CustomValues.check(rules(fields), submitted, VALUES));
        requireClient(clientId);
        boolean valuesChanged = !FormManagement.JSON.readTree(checked)
                .equals(FormManagement.JSON.readTree(answer.fieldValues()));
        if (!valuesChanged && Objects.equals(clientId, answer.clientId())) {
            return view(answer, definition, author);
        }
        var now = FormManagement.now();
        answer.edit(checked, clientId, author, now);
        answer = answers.saveAndFlush(answer);
        if (valuesChanged) {
            versions.saveAndFlush(new FormAnswerVersion(id, (int) versions.countByAnswerId(id) + 1, checked, author,
                    now));
        }
        log.info("Form answer {} edited", id);
        return view(answer, definition, author);
    }

    @Transactional(readOnly = true)
    public AnswerView get(UUID id, Caller reader) {
        FormAnswer answer = requireVisible(id, reader);
        return view(answer, forms.version(answer.formId(), answer.formVersion()), reader);
    }

    /** Every set of values the answer had, current first, with the same visibility as the answer. */
    @Transactional(readOnly = true)
    public List<AnswerView.Version> versions(UUID id, Caller reader) {
        FormAnswer answer = requireVisible(id, reader);
        List<FormField> fields = FormManagement.fields(forms.version(answer.formId(), answer.formVersion()).fields());
        return versions.findByAnswerIdOrderByNumberDesc(id).stream()
                .map(v -> new AnswerView.Version(v.number(), values(fields, stored(v.fieldValues()), reader),
                        v.authorId(), v.authorName(), v.writtenAt()))
                .toList();
    }

    /** Newest first; an agent without {@code agents.monitor} gets only the answers they filled. */
    @Transactional(readOnly = true)
    public Paged<AnswerView> list(Filter filter, int page, int size, Caller reader) {
        UUID author = filter.mine() || !reader.seesAllAnswers() ? reader.personId() : null;
        Specification<FormAnswer> where = FormAnswers.where("interactionId", filter.interactionId())
                .and(FormAnswers.where("clientId", filter.clientId()))
                .and(FormAnswers.where("formId", filter.formId()))
                .and(FormAnswers.where("createdBy", author));
        Page<FormAnswer> found = answers.findAll(where,
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        Map<String, FormVersion> definitions = new HashMap<>();
        return Paged.of(found, answer -> view(answer, definitions.computeIfAbsent(
                answer.formId() + "/" + answer.formVersion(),
                key -> forms.version(answer.formId(), answer.formVersion())), reader));
    }

    /** An answer the caller may read: their own, or any with {@code agents.monitor}; else 404 as if missing. */
    private FormAnswer requireVisible(UUID id, Caller caller) {
        return answers.findById(id).filter(a -> caller.seesAllAnswers() || a.createdBy().equals(caller.personId()))
                .orElseThrow(() -> LineaProblemException.notFound("form-answer"));
    }

    /**
     * Read here rather than through the CRM module, which answers a missing client with a 404 that would
     * also mark this transaction for rollback; row-level security applies as to every query.
     */
    private void requireClient(UUID clientId) {
        if (clientId == null) {
            return;
        }
        long found = jdbc.sql("select count(*) from cc.client where tenant_id = :tenant and id = :id")
                .param("tenant", TenantContext.requireTenant()).param("id", clientId).query(Long.class).single();
        if (found == 0) {
            throw InvalidInput.field("clientId", "form-answer.client-missing");
        }
    }

    private static List<io.linea.cc.crm.ClientFieldView> rules(List<FormField> fields) {
        return fields.stream().map(FormField::rules).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stored(String json) {
        return FormManagement.JSON.readValue(json, LinkedHashMap.class);
    }

    private static AnswerView view(FormAnswer answer, FormVersion definition, Caller reader) {
        return new AnswerView(answer.id(), answer.formId(), definition.name(), answer.formVersion(),
                answer.interactionId(), answer.clientId(),
                values(FormManagement.fields(definition.fields()), stored(answer.fieldValues()), reader),
                answer.createdAt(), answer.createdBy(), answer.createdByName(), answer.updatedAt(),
                answer.updatedBy(), answer.updatedByName(), answer.version());
    }

    private static List<AnswerView.Value> values(List<FormField> fields, Map<String, Object> stored, Caller reader) {
        return fields.stream().map(field -> {
            boolean hidden = !field.visibleFor(reader.roles());
            return new AnswerView.Value(field.key(), field.label(), field.type(), field.required(), field.options(),
                    hidden ? null : stored.get(field.key()), hidden);
        }).toList();
    }
}
