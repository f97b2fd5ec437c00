package io.linea.platform.problem;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Localised problem messages: platform codes in {@code linea/problems_xx.properties}, a service's own
 * codes in its {@code problems_xx.properties}. English is the fallback for a missing key.
 */
public final class ProblemMessages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ro"),
            Locale.forLanguageTag("ru"), Locale.forLanguageTag("cs"), Locale.forLanguageTag("pl"),
            Locale.forLanguageTag("uk"), Locale.forLanguageTag("kk"));

    private final MessageSource source;

    public ProblemMessages() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("problems", "linea/problems");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        bundles.setUseCodeAsDefaultMessage(false);
        this.source = bundles;
    }

    public String message(String code, Object[] args, Locale locale) {
        String fallback = source.getMessage("problem.fallback", null, "Request failed: " + code, locale);
        return source.getMessage(code, args, fallback, supported(locale));
    }

    /** The problem code a database constraint name maps to ({@code constraint.<name>=code}), if any. */
    public String constraintCode(String constraintName) {
        return source.getMessage("constraint." + constraintName, null, null, Locale.ENGLISH);
    }

    public static Locale supported(Locale requested) {
        if (requested == null) {
            return Locale.ENGLISH;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH);
    }
}
