package io.linea.cc.settings;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/** The settings row of one tenant; its primary key is the tenant id itself. */
@Entity
@Table(name = "tenant_settings")
class TenantSettings {

    @Id
    @TenantId
    @Column(name = "tenant_id")
    private UUID tenantId;

    private String displayName;

    private String timeZone;

    private String defaultLanguage;

    private String enabledLanguages;

    protected TenantSettings() {
    }

    TenantSettings(String displayName, String timeZone, Language defaultLanguage, List<Language> enabled) {
        change(displayName, timeZone, defaultLanguage, enabled);
    }

    void change(String displayName, String timeZone, Language defaultLanguage, List<Language> enabled) {
        this.displayName = displayName;
        this.timeZone = timeZone;
        this.defaultLanguage = defaultLanguage.name();
        this.enabledLanguages = String.join(",", enabled.stream().map(Language::name).toList());
    }

    SettingsView view() {
        return new SettingsView(displayName, timeZone, defaultLanguage,
                Arrays.stream(enabledLanguages.split(",")).filter(s -> !s.isBlank()).toList());
    }
}
