package io.linea.cc.crm;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.linea.cc.shared.InvalidInput;

/** The link from a card to the client's record in the tenant's own system: a URL template and the external id (AGT-12). */
final class CrmLinks {

    static final String PLACEHOLDER = "{externalId}";

    private CrmLinks() {
    }

    /** Null without a template or an external id; the id is URL-encoded (a space is %20, never +). */
    static String link(String template, String externalId) {
        if (template == null || externalId == null) {
            return null;
        }
        return template.replace(PLACEHOLDER,
                URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** The template stripped, null when blank, or a 400 {@code crm.link-template-invalid} problem. */
    static String checkTemplate(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String template = typed.strip();
        if (!template.contains(PLACEHOLDER)) {
            throw InvalidInput.field("linkTemplate", "crm.link-template-invalid");
        }
        try {
            URI uri = new URI(link(template, "x"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw InvalidInput.field("linkTemplate", "crm.link-template-invalid");
            }
        } catch (URISyntaxException e) {
            throw InvalidInput.field("linkTemplate", "crm.link-template-invalid");
        }
        return template;
    }
}
