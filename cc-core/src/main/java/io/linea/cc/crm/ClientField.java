package io.linea.cc.crm;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** A custom field definition of one tenant (CRM-02); key and type are fixed once created. */
@Entity
@Table(name = "client_field")
class ClientField {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "key", updatable = false)
    private String key;

    private String label;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ClientFieldView.Type type;

    private boolean required;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "options", nullable = false)
    private String[] options;

    private int position;

    @Version
    private Long version;

    protected ClientField() {
    }

    ClientField(String key, ClientFieldView.Type type, String label, boolean required, List<String> options,
            int position) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.type = type;
        change(label, required, options, position);
    }

    void change(String label, boolean required, List<String> options, int position) {
        this.label = label;
        this.required = required;
        this.options = options.toArray(String[]::new);
        this.position = position;
    }

    UUID id() {
        return id;
    }

    String key() {
        return key;
    }

    ClientFieldView.Type type() {
        return type;
    }

    long version() {
        return version == null ? 0 : version;
    }

    ClientFieldView view() {
        return new ClientFieldView(id, key, label, type, required, List.of(options), position, version());
    }
}
