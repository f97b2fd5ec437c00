package io.linea.cc.crm;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** E-mail addresses as stored: stripped and in lower case, so that identification is an exact match (AGT-04). */
final class EmailAddresses {

    /** Deliberately plain: one @, no spaces, a dot in the domain; mailbox rules beyond that are the mail server's. */
    private static final Pattern VALID = Pattern.compile("^[^\\s@]{1,64}@[^\\s@.]+(\\.[^\\s@.]+)+$");

    private EmailAddresses() {
    }

    static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String address = typed.strip().toLowerCase(Locale.ROOT);
        return address.length() <= 254 && VALID.matcher(address).matches() ? Optional.of(address) : Optional.empty();
    }
}
