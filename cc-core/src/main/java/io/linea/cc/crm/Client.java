package io.linea.cc.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/**
 * One client of a tenant (CRM-01, CRM-04). Custom values are JSON text checked against the tenant's
 * field definitions before they get here and stored as {@code jsonb}; the search document and its
 * tsvector are maintained by SQL ({@link ClientDirectory}), not mapped.
 */
@Entity
@Table(name = "client")
class Client {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String firstName;

    private String lastName;

    private String organisation;

    private String externalId;

    private String language;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tags", nullable = false)
    private String[] tags;

    @Column(name = "custom", columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String custom;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "client_id", nullable = false, updatable = false)
    @OrderBy("position")
    @BatchSize(size = 50)
    private List<ClientPhone> phones = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "client_id", nullable = false, updatable = false)
    @OrderBy("position")
    @BatchSize(size = 50)
    private List<ClientEmail> emails = new ArrayList<>();

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private Long version;

    protected Client() {
    }

    Client(ClientDraft draft, String customJson, Instant now) {
        this.id = UUID.randomUUID();
        this.createdAt = now;
        change(draft, customJson, now);
    }

    /** Phones and e-mails are replaced as a whole: the card is edited as one form. */
    void change(ClientDraft draft, String customJson, Instant now) {
        this.firstName = draft.firstName();
        this.lastName = draft.lastName();
        this.organisation = draft.organisation();
        this.externalId = draft.externalId();
        this.language = draft.language();
        this.tags = draft.tags().toArray(String[]::new);
        this.custom = customJson;
        this.phones.clear();
        for (int i = 0; i < draft.phones().size(); i++) {
            this.phones.add(new ClientPhone(draft.phones().get(i).number(), draft.phones().get(i).label(), i));
        }
        this.emails.clear();
        for (int i = 0; i < draft.emails().size(); i++) {
            this.emails.add(new ClientEmail(draft.emails().get(i).address(), draft.emails().get(i).label(), i));
        }
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    long version() {
        return version == null ? 0 : version;
    }

    String custom() {
        return custom;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    ClientView view(Map<String, Object> customValues, String link) {
        return new ClientView(id, firstName, lastName, organisation, externalId, language,
                phones.stream().map(ClientPhone::view).toList(), emails.stream().map(ClientEmail::view).toList(),
                List.of(tags), customValues, externalId == null ? null : link, createdAt, updatedAt, version());
    }

    String externalId() {
        return externalId;
    }
}
