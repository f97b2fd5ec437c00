package io.linea.cc.crm;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/** The CRM settings row of one tenant; its primary key is the tenant id itself (AGT-12). */
@Entity
@Table(name = "crm_settings")
class CrmSettings {

    @Id
    @TenantId
    @Column(name = "tenant_id")
    private UUID tenantId;

    private String linkTemplate;

    @Version
    private Long version;

    protected CrmSettings() {
    }

    CrmSettings(String linkTemplate) {
        this.linkTemplate = linkTemplate;
    }

    void change(String linkTemplate) {
        this.linkTemplate = linkTemplate;
    }

    String linkTemplate() {
        return linkTemplate;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
