package io.linea.cc.prompt;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import io.linea.cc.settings.Language;

/** Prompt wording from {@code prompts/prompts_xx.properties} (UTF-8, MessageFormat patterns). */
final class PromptTexts {

    static final String BUNDLE = "prompts.prompts";

    // Without this control a request for English on a JVM whose default locale is, say, Romanian would
    // load prompts_ro, because the lookup falls back to the default locale before the base bundle.
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** A language code such as {@code ro}, {@code ro-RO} or {@code RU}; anything unknown is English. */
    static Language language(String code) {
        if (code == null) {
            return Language.en;
        }
        String primary = code.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return Language.byCode(primary).orElse(Language.en);
    }

    String text(String key, Language language, Object... args) {
        Locale locale = Locale.forLanguageTag(language.name());
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_DEFAULT_LOCALE).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("Unknown prompt key: " + key);
        }
        MessageFormat format = new MessageFormat(pattern, locale);
        Object[] values = args == null ? new Object[0] : args;
        // A missing argument would be spoken as "open brace zero close brace".
        int needed = format.getFormatsByArgumentIndex().length;
        if (values.length < needed) {
            throw new IllegalArgumentException(
                    "Prompt " + key + " needs " + needed + " argument(s), got " + values.length);
        }
        return format.format(values);
    }
}
