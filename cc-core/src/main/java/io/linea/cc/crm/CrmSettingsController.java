package io.linea.cc.crm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/crm-settings}: the link from a client card to the tenant's own system (AGT-12). */
@RestController
@RequestMapping("/api/cc/crm-settings")
class CrmSettingsController {

    private final CrmConfiguration configuration;

    CrmSettingsController(CrmConfiguration configuration) {
        this.configuration = configuration;
    }

    @GetMapping
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    CrmSettingsView get() {
        return configuration.settings();
    }

    @PutMapping
    @RequiresPermission(Permissions.CRM_CONFIGURE)
    CrmSettingsView put(@Valid @RequestBody SettingsRequest request) {
        return configuration.changeSettings(request.version(), request.linkTemplate());
    }

    record SettingsRequest(@Size(max = 500) String linkTemplate, @NotNull Long version) {
    }
}
