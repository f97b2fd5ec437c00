package io.linea.gateway.web;

/** Path classification shared by the filters. */
public final class Paths {

    private Paths() {
    }

    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /**
     * The integration API (CRM-05): a tenant's own systems call it with an API key, which cc-core checks and which
     * decides the tenant; no person's token is involved.
     */
    public static boolean isIntegration(String path) {
        return path.equals("/api/integration") || path.startsWith("/api/integration/");
    }
}
