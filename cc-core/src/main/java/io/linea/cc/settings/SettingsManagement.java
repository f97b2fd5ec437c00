package io.linea.cc.settings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.TimeZones;
import io.linea.platform.tenancy.TenantContext;

/** Reads and changes the current tenant's settings (TEN-04, I18N-01). */
@Service
public class SettingsManagement {

    static final String DEFAULT_TIME_ZONE = "UTC";

    private final AllTenantSettings settings;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    SettingsManagement(AllTenantSettings settings, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** The tenant's settings, created with defaults (named {@code displayNameIfNew}) on first read. */
    @Transactional
    public SettingsView current(String displayNameIfNew) {
        Optional<TenantSettings> found = find();
        if (found.isPresent()) {
            return found.get().view();
        }
        // The first calls of a new tenant arrive together: whoever inserts first wins, the others wait for
        // that row and read it (a plain insert would fail them with a duplicate key).
        jdbc.sql("""
                insert into cc.tenant_settings (tenant_id, display_name, time_zone, default_language, enabled_languages)
                values (:tenant, :name, :zone, :language, :enabled) on conflict (tenant_id) do nothing
                """).param("tenant", TenantContext.requireTenant()).param("name", displayNameIfNew)
                .param("zone", DEFAULT_TIME_ZONE).param("language", Language.en.name())
                .param("enabled", String.join(",", Language.ALL.stream().map(Language::name).toList())).update();
        return find().orElseThrow().view();
    }

    @Transactional
    public SettingsView change(SettingsView change) {
        Checked checked = check(change);
        TenantSettings row = find().orElseGet(() -> new TenantSettings(checked.displayName, checked.timeZone,
                checked.defaultLanguage, checked.enabled));
        row.change(checked.displayName, checked.timeZone, checked.defaultLanguage, checked.enabled);
        return settings.save(row).view();
    }

    /** Creates the settings only if the tenant has none yet, so a re-run never overwrites an admin's edits. */
    @Transactional
    public boolean initialise(SettingsView initial) {
        if (find().isPresent()) {
            return false;
        }
        Checked checked = check(initial);
        settings.save(new TenantSettings(checked.displayName, checked.timeZone, checked.defaultLanguage,
                checked.enabled));
        return true;
    }

    private Optional<TenantSettings> find() {
        return settings.findById(TenantContext.requireTenant());
    }

    private static Checked check(SettingsView change) {
        String zone = TimeZones.require("timeZone", change.timeZone()).getId();
        LinkedHashSet<Language> enabled = new LinkedHashSet<>();
        List<String> requested = change.enabledLanguages() == null ? List.of() : change.enabledLanguages();
        for (int i = 0; i < requested.size(); i++) {
            String code = requested.get(i);
            enabled.add(Language.byCode(code)
                    .orElseThrow(() -> InvalidInput.field("enabledLanguages", "language.unsupported", code)));
        }
        Language defaultLanguage = Language.byCode(change.defaultLanguage())
                .orElseThrow(() -> InvalidInput.field("defaultLanguage", "language.unsupported",
                        change.defaultLanguage()));
        if (!enabled.contains(defaultLanguage)) {
            throw InvalidInput.field("defaultLanguage", "settings.default-language-not-enabled",
                    defaultLanguage.name());
        }
        return new Checked(change.displayName().strip(), zone, defaultLanguage, new ArrayList<>(enabled));
    }

    private record Checked(String displayName, String timeZone, Language defaultLanguage, List<Language> enabled) {
    }
}
