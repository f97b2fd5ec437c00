package io.linea.cc.prompt;

public interface Prompts {
    String text(String key, String language, Object... args);

    String mediaUri(String text, String language);

    String mediaUriFor(String key, String language, Object... args);
}
