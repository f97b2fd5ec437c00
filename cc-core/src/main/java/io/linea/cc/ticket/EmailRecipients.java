package io.linea.cc.ticket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import io.linea.cc.shared.InvalidInput;

/** Addresses tenants type for escalation e-mails (HD-01): plain {@code local@domain}, no display names. */
final class EmailRecipients {

    private EmailRecipients() {
    }

    /**
     * The addresses stripped, with the domain in lower case and duplicates removed, or a 400
     * {@code ticket.email-invalid} problem naming {@code field[i]}; null is an empty list.
     */
    static List<String> require(String field, List<String> typed) {
        if (typed == null) {
            return List.of();
        }
        Set<String> addresses = new LinkedHashSet<>();
        for (int i = 0; i < typed.size(); i++) {
            String value = typed.get(i) == null ? "" : typed.get(i).strip();
            int index = i;
            addresses.add(normalise(value).orElseThrow(() -> InvalidInput.field(field + "[" + index + "]",
                    "ticket.email-invalid", value.length() > 100 ? value.substring(0, 100) : value)));
        }
        return new ArrayList<>(addresses);
    }

    private static java.util.Optional<String> normalise(String value) {
        int at = value.lastIndexOf('@');
        if (value.length() > 254 || at < 1 || at == value.length() - 1 || value.indexOf('@') != at
                || !value.substring(at + 1).contains(".")) {
            return java.util.Optional.empty();
        }
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            if (address.getPersonal() != null || !value.equals(address.getAddress())) {
                return java.util.Optional.empty();
            }
        } catch (AddressException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(value.substring(0, at) + "@" + value.substring(at + 1).toLowerCase(Locale.ROOT));
    }
}
