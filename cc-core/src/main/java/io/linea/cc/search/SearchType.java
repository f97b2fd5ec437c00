package io.linea.cc.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import io.linea.platform.security.Permissions;

/** What the one search looks through, and the permission a caller needs to see each (CRM-03). */
public enum SearchType {
    CLIENT(Permissions.CLIENTS_VIEW),
    TICKET(Permissions.TICKETS_HANDLE),
    ARTICLE(Permissions.KB_VIEW);

    private final String permission;

    SearchType(String permission) {
        this.permission = permission;
    }

    public String permission() {
        return permission;
    }

    /** As the API names it: {@code client}, {@code ticket}, {@code article}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SearchType> byApiName(String name) {
        return Arrays.stream(values()).filter(t -> t.apiName().equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
