package io.linea.cc.prompt;

/**
 * Announcements a caller hears, in the tenant's language (IVR-08, I18N-02). The media URI points at this
 * service, so any Asterisk node can fetch and play any tenant's prompt through its HTTP media cache.
 */
public interface Prompts {

    /** The prompt text for a key in a language (en, ro, ru, cs, pl, uk, kk; unknown → en), {0}.. args substituted (MessageFormat). */
    String text(String key, String language, Object... args);

    /** Synthesises the text once (cached by content), returns the media URI Asterisk plays: "sound:" + baseUrl + "/media/prompts/" + id + ".wav". */
    String mediaUri(String text, String language);

    /** Same as mediaUri(text(key, language, args), language). */
    String mediaUriFor(String key, String language, Object... args);
}
