package io.linea.identity.support;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages of the login pages (I18N-01), with their names as their speakers write them. */
public final class Languages {

    public record Language(String code, String name) {
    }

    public static final List<Language> ALL = List.of(new Language("en", "English"), new Language("ro", "Română"),
            new Language("ru", "Русский"), new Language("cs", "Čeština"), new Language("pl", "Polski"),
            new Language("uk", "Українська"), new Language("kk", "Қазақша"));

    private Languages() {
    }

    /** The supported language a tag ({@code ro}, {@code ro-MD}, {@code RU}) names, if any. */
    public static Optional<String> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return ALL.stream().map(Language::code).filter(code -> code.equals(language)).findFirst();
    }

    public static boolean isSupported(String tag) {
        return tag != null && ALL.stream().anyMatch(l -> l.code().equals(tag));
    }
}
