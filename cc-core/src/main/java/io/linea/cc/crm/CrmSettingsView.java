package io.linea.cc.crm;

/** The tenant's CRM settings: the link template to its own system, with {@code {externalId}} in it (AGT-12). */
public record CrmSettingsView(String linkTemplate, long version) {
}
