package io.linea.cc.integration;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/** {@code /api/cc/api-credentials}: a tenant admin's API credentials for the integration API (CRM-05). */
@RestController
@RequestMapping("/api/cc/api-credentials")
@RequiresPermission(Permissions.INTEGRATIONS_MANAGE)
class ApiCredentialController {

    private final ApiCredentials credentials;

    ApiCredentialController(ApiCredentials credentials) {
        this.credentials = credentials;
    }

    @GetMapping
    List<ApiCredentialView> list() {
        return credentials.list();
    }

    @GetMapping("/{id}")
    ApiCredentialView get(@PathVariable UUID id) {
        return credentials.get(id);
    }

    /** The secret is in this answer and nowhere else, ever. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiCredentialView.Created create(@Valid @RequestBody CredentialRequest request) {
        return credentials.create(request.name(), request.scopes());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        credentials.revoke(id);
    }

    record CredentialRequest(@NotBlank @Size(max = 100) String name, @NotEmpty @Size(max = 3) List<String> scopes) {
    }
}
