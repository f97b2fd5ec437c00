package io.linea.cc.settings;

import java.util.List;

/** A tenant's settings as other modules and the API see them. */
public record SettingsView(String displayName, String timeZone, String defaultLanguage,
        List<String> enabledLanguages) {
}
