package io.linea.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.linea.identity.testing.Api;
import io.linea.identity.testing.Fixtures;
import io.linea.identity.testing.IdentityIntegrationTest;
import io.linea.identity.tenant.Tenant;
import io.linea.platform.security.Roles;
import io.linea.platform.web.PermissionInterceptor;

/**
 * Cross-tenant attack matrix (TEN-01 for this service): every tenant-scoped route that takes a resource
 * id is called by tenant B's admin with tenant A's id. Each must answer 404 and leave A's data alone.
 * A new route without a fixture here fails the test.
 */
class CrossTenantMatrixTest extends IdentityIntegrationTest {

    /** Request bodies per route ("METHOD pattern"); {@code null} for routes without a body. */
    static final Map<String, Object> FIXTURES = new TreeMap<>();

    static {
        FIXTURES.put("GET /api/identity/users/{id}", null);
        FIXTURES.put("PUT /api/identity/users/{id}", Map.of("displayName", "Hijacked", "email", "x@example.com",
                "locale", "en", "roles", List.of("tenant-admin"), "extraPermissions", List.of()));
        FIXTURES.put("POST /api/identity/users/{id}/disable", null);
        FIXTURES.put("POST /api/identity/users/{id}/enable", null);
        FIXTURES.put("POST /api/identity/users/{id}/unlock", null);
        FIXTURES.put("DELETE /api/identity/users/{id}", null);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void tenantBCannotReachTenantAsResources() {
        List<String> routes = tenantScopedRoutesWithIds();
        assertThat(routes).as("routes found").isNotEmpty();
        List<String> missing = routes.stream().filter(r -> !FIXTURES.containsKey(r)).toList();
        assertThat(missing).as("tenant-scoped routes with an id and no cross-tenant fixture").isEmpty();

        Tenant a = fixtures.tenant();
        Tenant b = fixtures.tenant();
        Fixtures.User adminB = fixtures.user(b, Roles.TENANT_ADMIN);
        Api attacker = api().as(adminB.token()).tenant(b.id());

        for (String route : routes) {
            Fixtures.User victim = fixtures.user(a, Roles.AGENT);
            fixtures.sql("update identity.person set failed_attempts = 2, locked_until = now() + interval '1 hour'"
                    + " where id = ?", victim.id());
            String before = snapshot(a, victim);
            String[] parts = route.split(" ", 2);
            String path = parts[1].replace("{id}", victim.id().toString());
            Api.Response response = attacker.send(parts[0], path, FIXTURES.get(route));
            assertThat(response.status()).as(route + " -> " + response).isEqualTo(404);
            assertThat(response.code()).as(route).isEqualTo("resource.not-found");
            assertThat(snapshot(a, victim)).as(route + " changed tenant A's row").isEqualTo(before);
        }
    }

    List<String> tenantScopedRoutesWithIds() {
        List<String> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod method = entry.getValue();
            if (PermissionInterceptor.requiredPermission(method) == null) {
                continue;
            }
            boolean hasPathVariable = false;
            for (MethodParameter parameter : method.getMethodParameters()) {
                hasPathVariable |= parameter.hasParameterAnnotation(PathVariable.class);
            }
            if (!hasPathVariable) {
                continue;
            }
            for (var httpMethod : entry.getKey().getMethodsCondition().getMethods()) {
                for (String pattern : entry.getKey().getPatternValues()) {
                    routes.add(httpMethod.name() + " " + pattern);
                }
            }
        }
        return routes;
    }

    private String snapshot(Tenant a, Fixtures.User victim) {
        return String.valueOf(fixtures.query("select m.roles::text || m.extra_permissions::text || m.enabled"
                + " || p.display_name || coalesce(p.email, '') || p.failed_attempts || coalesce(p.locked_until::text, '')"
                + " from identity.membership m join identity.person p on p.id = m.person_id"
                + " where m.tenant_id = ? and m.person_id = ?", a.id(), victim.id()));
    }
}
