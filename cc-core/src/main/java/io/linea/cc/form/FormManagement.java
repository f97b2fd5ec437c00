package io.linea.cc.form;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.linea.cc.crm.ClientFieldView;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.problem.LineaProblemException.FieldProblem;
import io.linea.platform.security.Roles;

/**
 * The form designer (CRM-02): the current tenant's intake forms. Every save that changes a form keeps its
 * definition as the next version, so answers filled on an earlier one stay readable with its fields.
 */
@Service
public class FormManagement {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<FormField>> FIELDS = new TypeReference<>() {
    };
    private static final String ROLES = String.join(", ", Arrays.stream(Roles.values()).map(Roles::id).toList());
    private static final Logger log = LoggerFactory.getLogger(FormManagement.class);

    private final Forms forms;
    private final FormVersions versions;
    private final FormAnswers answers;

    FormManagement(Forms forms, FormVersions versions, FormAnswers answers) {
        this.forms = forms;
        this.versions = versions;
        this.answers = answers;
    }

    /** By name; {@code active} null lists all. */
    @Transactional(readOnly = true)
    public List<FormView> list(Boolean active) {
        return forms.findAll(Sort.by("name", "id")).stream().filter(f -> active == null || f.active() == active)
                .map(FormManagement::view).toList();
    }

    @Transactional(readOnly = true)
    public FormView get(UUID id) {
        return view(require(id));
    }

    /** A name already used in the tenant is refused by constraint intake_form_name_unique (409 form.name-taken). */
    @Transactional
    public FormView create(FormDraft draft, Caller author) {
        String fields = JSON.writeValueAsString(check(draft.fields()));
        Instant now = now();
        Form form = forms.saveAndFlush(new Form(draft.name(), draft.description(), draft.active(), fields, now));
        versions.saveAndFlush(new FormVersion(form, now, author));
        log.info("Intake form {} created", form.id());
        return view(form);
    }

    /**
     * Name, description, active and fields may all change, keys and types included: answers keep the
     * version they were filled on. A save that changes nothing is no new version.
     */
    @Transactional
    public FormView update(UUID id, long expectedVersion, FormDraft draft, Caller author) {
        Form form = require(id);
        if (form.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Form.class, id);
        }
        List<FormField> fields = check(draft.fields());
        Instant now = now();
        if (!form.change(draft.name(), draft.description(), draft.active(), JSON.writeValueAsString(fields),
                fields.equals(fields(form.fields())), now)) {
            return view(form);
        }
        form = forms.saveAndFlush(form);
        versions.saveAndFlush(new FormVersion(form, now, author));
        log.info("Intake form {} changed to version {}", id, form.version());
        return view(form);
    }

    /** Only a form nobody filled yet: answers keep their form (409 form.has-answers; deactivate it instead). */
    @Transactional
    public void delete(UUID id) {
        Form form = require(id);
        if (answers.existsByFormId(id)) {
            throw LineaProblemException.conflict("form.has-answers");
        }
        forms.delete(form);
        forms.flush();
        log.info("Intake form {} deleted", id);
    }

    Optional<Form> find(UUID id) {
        return forms.findById(id);
    }

    /** The name and fields of one saved version of a form (they exist for every answer: a foreign key). */
    FormVersion version(UUID formId, long number) {
        return versions.findByFormIdAndNumber(formId, number)
                .orElseThrow(() -> new IllegalStateException("form " + formId + " has no version " + number));
    }

    static List<FormField> fields(String json) {
        return JSON.readValue(json, FIELDS);
    }

    private Form require(UUID id) {
        return forms.findById(id).orElseThrow(() -> LineaProblemException.notFound("form"));
    }

    private static FormView view(Form form) {
        return new FormView(form.id(), form.name(), form.description(), form.active(), fields(form.fields()),
                form.version());
    }

    /**
     * Keys unique within the form, options only (and always) on choice fields and never twice, roles that
     * exist; every problem at once, each at {@code fields[i].…}. Returns the fields in position order (a
     * field without a position keeps its place in the list), options stripped, roles without repeats.
     */
    static List<FormField> check(List<FormField> typed) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<FormField> fields = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            FormField field = typed.get(i);
            String at = "fields[" + i + "]";
            if (!keys.add(field.key())) {
                problems.add(new FieldProblem(at + ".key", "form.field-key-duplicate", field.key()));
            }
            List<String> options = field.options().stream().map(String::strip).toList();
            boolean choice = field.type() == ClientFieldView.Type.SELECT
                    || field.type() == ClientFieldView.Type.MULTI_SELECT;
            if (choice && options.isEmpty()) {
                problems.add(new FieldProblem(at + ".options", "form.field-options-required"));
            } else if (!choice && !options.isEmpty()) {
                problems.add(new FieldProblem(at + ".options", "form.field-options-unexpected"));
            } else if (new LinkedHashSet<>(options).size() != options.size()) {
                problems.add(new FieldProblem(at + ".options", "form.field-option-duplicate"));
            }
            LinkedHashSet<String> roles = new LinkedHashSet<>();
            for (String role : field.visibleTo()) {
                String id = role.strip();
                if (Roles.byId(id).isEmpty()) {
                    problems.add(new FieldProblem(at + ".visibleTo", "form.field-role-unknown", id, ROLES));
                }
                roles.add(id);
            }
            fields.add(new FormField(field.key(), field.label().strip(), field.type(), field.required(), options,
                    field.position() >= 0 ? field.position() : i, List.copyOf(roles)));
        }
        if (!problems.isEmpty()) {
            throw new LineaProblemException(HttpStatus.BAD_REQUEST, "validation.failed", problems);
        }
        // a stable sort: fields of one position stay in the order given
        return fields.stream().sorted(Comparator.comparingInt(FormField::position)).toList();
    }

    /** What PostgreSQL keeps of it, so that what was answered reads back exactly. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
