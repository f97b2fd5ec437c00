package io.linea.cc.integration;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.tenancy.TenantContext;

/** What an API credential may do (CRM-05): the scopes it was created with, nothing more. */
final class ApiScopes {

    static final String CLIENTS_WRITE = "clients.write";
    static final String CLIENTS_READ = "clients.read";
    static final String INTERACTIONS_READ = "interactions.read";
    static final List<String> ALL = List.of(CLIENTS_WRITE, CLIENTS_READ, INTERACTIONS_READ);

    /** The slug of the membership an API key authenticates with; its permissions are the key's scopes. */
    static final String API_KEY = "api-key";

    private ApiScopes() {
    }

    /** 403 unless the request's credential holds one of {@code scopes}. */
    static void require(String... scopes) {
        UUID tenant = TenantContext.requireTenant();
        Set<String> held = LineaPrincipal.current().flatMap(p -> p.membership(tenant))
                .filter(m -> API_KEY.equals(m.slug())).map(m -> m.permissions()).orElse(Set.of());
        for (String scope : scopes) {
            if (held.contains(scope)) {
                return;
            }
        }
        throw LineaProblemException.forbidden("api-key.scope-missing", String.join(", ", scopes));
    }
}
