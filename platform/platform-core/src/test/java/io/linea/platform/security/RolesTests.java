package io.linea.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Role defaults plus per-user grants give the effective permissions in the token (ADM-01). */
class RolesTests {

    @Test
    void agentGetsRoleDefaultsPlusGrantsButNotUngrantablePermissions() {
        var permissions = Roles.effectivePermissions(List.of("agent"),
                List.of(Permissions.RECORDINGS_DOWNLOAD, Permissions.USERS_MANAGE));
        assertThat(permissions).contains(Permissions.QUEUES_VIEW, Permissions.CALLBACKS_HANDLE,
                Permissions.RECORDINGS_DOWNLOAD);
        assertThat(permissions).doesNotContain(Permissions.USERS_MANAGE, Permissions.QUEUES_MANAGE);
    }

    @Test
    void tenantAdminHasEveryPermissionAndUnknownRolesGiveNothing() {
        assertThat(Roles.effectivePermissions(List.of("tenant-admin"), List.of()))
                .containsExactlyInAnyOrderElementsOf(Permissions.ALL);
        assertThat(Roles.effectivePermissions(List.of("janitor"), List.of())).isEmpty();
    }

    @Test
    void everyRoleOnlyNamesKnownPermissions() {
        for (Roles role : Roles.values()) {
            assertThat(Permissions.ALL).as(role.id()).containsAll(role.permissions());
        }
        assertThat(Permissions.ALL).containsAll(Permissions.GRANTABLE);
    }
}
