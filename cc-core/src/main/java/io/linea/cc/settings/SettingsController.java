package io.linea.cc.settings;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Membership;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;
import io.linea.platform.tenancy.TenantContext;

/** {@code /api/cc/settings}: the tenant admin's own settings (TEN-04). */
@RestController
@RequestMapping("/api/cc/settings")
class SettingsController {

    private final SettingsManagement management;

    SettingsController(SettingsManagement management) {
        this.management = management;
    }

    @GetMapping
    @RequiresPermission(Permissions.SETTINGS_VIEW)
    SettingsView get() {
        String name = LineaPrincipal.current()
                .flatMap(p -> p.membership(TenantContext.requireTenant()))
                .map(Membership::name)
                .orElse(TenantContext.requireTenant().toString());
        return management.current(name);
    }

    @PutMapping
    @RequiresPermission(Permissions.SETTINGS_MANAGE)
    SettingsView put(@Valid @RequestBody SettingsRequest request) {
        return management.change(new SettingsView(request.displayName(), request.timeZone(),
                request.defaultLanguage(), request.enabledLanguages()));
    }

    record SettingsRequest(@NotBlank @Size(max = 200) String displayName, @NotBlank @Size(max = 64) String timeZone,
            @NotBlank String defaultLanguage, @NotEmpty @Size(max = 7) List<@NotBlank String> enabledLanguages) {
    }
}
