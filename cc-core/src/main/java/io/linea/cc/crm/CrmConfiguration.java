package io.linea.cc.crm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.shared.InvalidInput;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/** The current tenant's client card configuration: custom fields (CRM-02) and the CRM link (AGT-12). */
@Service
public class CrmConfiguration {

    /** A tender asks for at least 15 (CRM-02); more than this many makes the card a spreadsheet. */
    public static final int MAX_FIELDS = 50;

    private static final Logger log = LoggerFactory.getLogger(CrmConfiguration.class);

    private final ClientFields fields;
    private final AllCrmSettings settings;
    private final JdbcClient jdbc;

    CrmConfiguration(ClientFields fields, AllCrmSettings settings, JdbcClient jdbc) {
        this.fields = fields;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** The fields in the order the card shows them. */
    @Transactional(readOnly = true)
    public List<ClientFieldView> fields() {
        return fields.findAll().stream().map(ClientField::view)
                .sorted(Comparator.comparingInt(ClientFieldView::position).thenComparing(ClientFieldView::label)
                        .thenComparing(ClientFieldView::id))
                .toList();
    }

    @Transactional(readOnly = true)
    public ClientFieldView field(UUID id) {
        return require(id).view();
    }

    /** A key already used is refused by constraint client_field_key_unique (409 client-field.key-taken). */
    @Transactional
    public ClientFieldView createField(ClientFieldView draft) {
        // concurrent creates of one tenant queue here, so the limit holds
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('client_field:' || :tenant, 0))) l")
                .param("tenant", TenantContext.requireTenant().toString()).query(Integer.class).single();
        long count = fields.count();
        if (count >= MAX_FIELDS) {
            throw LineaProblemException.conflict("client-field.limit", MAX_FIELDS);
        }
        List<String> options = checkOptions(draft.type(), draft.options());
        int position = draft.position() >= 0 ? draft.position() : (int) count;
        ClientField field = fields.saveAndFlush(new ClientField(draft.key(), draft.type(), draft.label(),
                draft.required(), options, position));
        log.info("Client field {} created", field.id());
        return field.view();
    }

    /** Key and type are fixed: stored values were checked against them. Delete and create a field to change them. */
    @Transactional
    public ClientFieldView updateField(UUID id, long expectedVersion, ClientFieldView draft) {
        ClientField field = require(id);
        if (field.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(ClientField.class, id);
        }
        if (!field.key().equals(draft.key())) {
            throw InvalidInput.field("key", "client-field.key-fixed");
        }
        if (field.type() != draft.type()) {
            throw InvalidInput.field("type", "client-field.type-fixed");
        }
        List<String> options = checkOptions(draft.type(), draft.options());
        field.change(draft.label(), draft.required(), options,
                draft.position() >= 0 ? draft.position() : field.view().position());
        return fields.saveAndFlush(field).view();
    }

    /**
     * Deletes the definition and, in the same transaction, its values from every client card of the
     * tenant (SEC-04: data without a purpose is not kept; a new field with the same key starts empty).
     */
    @Transactional
    public void deleteField(UUID id) {
        ClientField field = require(id);
        fields.delete(field);
        fields.flush();
        int cards = jdbc.sql("update cc.client set custom = custom - :key where tenant_id = :tenant and custom -> :key is not null")
                .param("key", field.key()).param("tenant", TenantContext.requireTenant()).update();
        log.info("Client field {} deleted with its values on {} cards", id, cards);
    }

    @Transactional(readOnly = true)
    public CrmSettingsView settings() {
        return settings.findById(TenantContext.requireTenant())
                .map(s -> new CrmSettingsView(s.linkTemplate(), s.version()))
                .orElse(new CrmSettingsView(null, 0));
    }

    /** The link template of the current tenant, or null. */
    @Transactional(readOnly = true)
    public String linkTemplate() {
        return settings.findById(TenantContext.requireTenant()).map(CrmSettings::linkTemplate).orElse(null);
    }

    /** A blank template removes the link from every card. */
    @Transactional
    public CrmSettingsView changeSettings(long expectedVersion, String linkTemplate) {
        String template = CrmLinks.checkTemplate(linkTemplate);
        CrmSettings row = settings.findById(TenantContext.requireTenant()).orElse(null);
        if (row == null) {
            if (expectedVersion != 0) {
                throw new ObjectOptimisticLockingFailureException(CrmSettings.class, TenantContext.requireTenant());
            }
            row = new CrmSettings(template);
        } else if (row.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(CrmSettings.class, TenantContext.requireTenant());
        } else {
            row.change(template);
        }
        row = settings.saveAndFlush(row);
        log.info("CRM settings changed");
        return new CrmSettingsView(row.linkTemplate(), row.version());
    }

    private ClientField require(UUID id) {
        return fields.findById(id).orElseThrow(() -> LineaProblemException.notFound("client-field"));
    }

    private static List<String> checkOptions(ClientFieldView.Type type, List<String> typed) {
        List<String> options = typed == null ? List.of() : typed.stream().map(String::strip).toList();
        if (!type.hasOptions()) {
            if (!options.isEmpty()) {
                throw InvalidInput.field("options", "client-field.options-unexpected");
            }
            return List.of();
        }
        if (options.isEmpty()) {
            throw InvalidInput.field("options", "client-field.options-required");
        }
        if (new LinkedHashSet<>(options).size() != options.size()) {
            throw InvalidInput.field("options", "client-field.option-duplicate");
        }
        return new ArrayList<>(options);
    }
}
