package io.linea.cc.ticket;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.linea.cc.shared.InvalidInput;

/** Webhook and hand-off addresses tenants type: absolute http(s) URLs with a host and no user info. */
final class TicketUrls {

    private TicketUrls() {
    }

    /** The URL stripped, or a 400 {@code ticket.url-invalid} problem naming {@code field}; null stays null. */
    static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() > 2000 || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getUserInfo() != null || uri.getFragment() != null) {
                throw InvalidInput.field(field, "ticket.url-invalid", url.length() > 100 ? url.substring(0, 100) : url);
            }
            return url;
        } catch (URISyntaxException e) {
            throw InvalidInput.field(field, "ticket.url-invalid", url.length() > 100 ? url.substring(0, 100) : url);
        }
    }
}
