package io.linea.cc.prompt;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import io.linea.cc.settings.Language;

/** {@link Prompts} spoken by espeak-ng, one voice per language Linea speaks (IVR-08, I18N-02). */
@Service
class EspeakPrompts implements Prompts {

    /** espeak-ng voices ({@code espeak-ng --voices=xx}); the MBROLA variants need packages we do not install. */
    static final Map<Language, String> VOICES = voices();

    private final PromptTexts texts = new PromptTexts();
    private final PromptSynthesizer synthesizer;
    private final PromptSettings settings;
    private final Environment environment;

    EspeakPrompts(PromptSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
        this.synthesizer = new PromptSynthesizer(settings);
    }

    @Override
    public String text(String key, String language, Object... args) {
        return texts.text(key, PromptTexts.language(language), args);
    }

    @Override
    public String mediaUri(String text, String language) {
        String voice = VOICES.get(PromptTexts.language(language));
        String id = synthesizer.id(voice, text);
        synthesizer.synthesize(voice, text);
        return "sound:" + baseUrl() + "/media/prompts/" + id + ".wav";
    }

    @Override
    public String mediaUriFor(String key, String language, Object... args) {
        return mediaUri(text(key, language, args), language);
    }

    Optional<Path> file(String id) {
        return synthesizer.file(id);
    }

    PromptSynthesizer synthesizer() {
        return synthesizer;
    }

    /**
     * Read per call rather than at start-up: with {@code server.port=0} the real port is only known once the
     * web server runs ({@code local.server.port}).
     */
    String baseUrl() {
        if (!settings.baseUrl().isEmpty()) {
            return settings.baseUrl();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port;
    }

    private static Map<Language, String> voices() {
        Map<Language, String> voices = new EnumMap<>(Language.class);
        voices.put(Language.en, "en-gb");
        voices.put(Language.ro, "ro");
        voices.put(Language.ru, "ru");
        voices.put(Language.cs, "cs");
        voices.put(Language.pl, "pl");
        voices.put(Language.uk, "uk");
        voices.put(Language.kk, "kk");
        for (Language language : Language.ALL) {
            if (!voices.containsKey(language)) {
                throw new IllegalStateException("No espeak-ng voice for " + language);
            }
        }
        return Map.copyOf(voices);
    }
}
