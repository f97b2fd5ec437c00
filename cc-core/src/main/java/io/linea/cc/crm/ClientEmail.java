package io.linea.cc.crm;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One e-mail address of a client, in lower case so that chat and e-mail identification is an exact lookup (AGT-04). */
@Entity
@Table(name = "client_email")
class ClientEmail {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String address;

    private String label;

    private int position;

    protected ClientEmail() {
    }

    ClientEmail(String address, String label, int position) {
        this.id = UUID.randomUUID();
        this.address = address;
        this.label = label;
        this.position = position;
    }

    ClientView.Email view() {
        return new ClientView.Email(address, label);
    }
}
