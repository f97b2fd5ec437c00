package io.linea.gateway.web;

/** Path classification shared by the filters. */
public final class Paths {

    private Paths() {
    }

    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
