package io.linea.cc.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The languages Linea speaks (I18N-01); a tenant enables a subset of them. */
public enum Language {
    en, ro, ru, cs, pl, uk, kk;

    public static final List<Language> ALL = List.of(values());

    public static Optional<Language> byCode(String code) {
        return Arrays.stream(values()).filter(l -> l.name().equals(code)).findFirst();
    }
}
