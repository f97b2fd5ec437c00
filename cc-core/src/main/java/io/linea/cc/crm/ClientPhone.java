package io.linea.cc.crm;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** One number of a client, E.164-normalised so that caller identification is an exact lookup (AGT-04). */
@Entity
@Table(name = "client_phone")
class ClientPhone {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String number;

    private String label;

    private int position;

    protected ClientPhone() {
    }

    ClientPhone(String number, String label, int position) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.label = label;
        this.position = position;
    }

    ClientView.Phone view() {
        return new ClientView.Phone(number, label);
    }
}
