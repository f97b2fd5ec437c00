package io.linea.identity.users;

import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;
import io.linea.platform.security.Roles;

/** Roles with their default permissions, and what may be granted individually (ADM-01). */
@RestController
public class CatalogueController {

    public record RoleView(String name, List<String> permissions) {
    }

    public record Catalogue(List<RoleView> roles, List<String> grantablePermissions) {
    }

    @GetMapping("/api/identity/catalogue")
    @RequiresPermission(Permissions.USERS_VIEW)
    public Catalogue catalogue() {
        return new Catalogue(Arrays.stream(Roles.values())
                .map(role -> new RoleView(role.id(), List.copyOf(role.permissions()))).toList(),
                Permissions.GRANTABLE);
    }
}
