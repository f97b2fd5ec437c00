package io.linea.cc.provisioning;

import java.util.Optional;
import java.util.regex.Pattern;

import io.linea.cc.shared.InvalidInput;

/** International numbers as people type them ("+44 7700 900123") and as they are stored (+447700900123). */
public final class E164 {

    private static final Pattern VALID = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern FORMATTING = Pattern.compile("[\\s\\-().]");

    private E164() {
    }

    /** The number without spaces, dashes, dots and parentheses, if that is valid E.164. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = FORMATTING.matcher(typed).replaceAll("");
        return VALID.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /** The normalised number, or a 400 problem naming {@code field}. */
    public static String require(String field, String typed) {
        return normalise(typed).orElseThrow(() -> InvalidInput.field(field, "number.invalid", String.valueOf(typed)));
    }

    /**
     * A number as a carrier may present it in a SIP request: E.164, or its digits without the plus,
     * or with the international prefix 00. Anything else is not a number of ours.
     */
    static Optional<String> fromSignalling(String dialled) {
        if (dialled == null) {
            return Optional.empty();
        }
        String compact = FORMATTING.matcher(dialled).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        } else if (!compact.startsWith("+")) {
            compact = "+" + compact;
        }
        return normalise(compact);
    }

    /** Strips the same formatting from a search term, so "+44 7700" finds +447700900123. */
    static String searchTerm(String typed) {
        return typed == null ? "" : FORMATTING.matcher(typed).replaceAll("");
    }
}
