package io.linea.cc.crm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.problem.ProblemMessages;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/**
 * {@code /api/cc/clients/imports}: bulk import of client cards from CSV or Excel with a column mapping,
 * its progress and its rejected-rows report; {@code /api/cc/client-import-mappings}: saved mappings (CRM-05).
 */
@RestController
class ClientImportController {

    private final ClientImports imports;
    private final ClientImportMappings mappings;

    ClientImportController(ClientImports imports, ClientImportMappings mappings) {
        this.imports = imports;
        this.mappings = mappings;
    }

    @PostMapping(path = "/api/cc/clients/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    ClientImportView start(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String mapping, @RequestParam(required = false) UUID mappingId) {
        if (file == null || file.isEmpty()) {
            throw LineaProblemException.badRequest("client-import.empty");
        }
        try {
            return imports.start(file.getOriginalFilename(), file.getInputStream(), mapping, mappingId,
                    ClientImports.Source.UI, LineaPrincipal.current().map(LineaPrincipal::personId).orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/cc/clients/imports")
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    Paged<ClientImportView> list(@RequestParam(defaultValue = "0") @PositiveOrZero @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return imports.jobs(page, size);
    }

    @GetMapping("/api/cc/clients/imports/{id}")
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    ClientImportView get(@PathVariable UUID id) {
        return imports.job(id);
    }

    @GetMapping(path = "/api/cc/clients/imports/{id}/rejected", produces = "text/csv")
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    ResponseEntity<String> rejected(@PathVariable UUID id, Locale locale) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rejected-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(imports.rejectedReport(id, ProblemMessages.supported(locale)));
    }

    @GetMapping("/api/cc/client-import-mappings")
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    java.util.List<ClientImportMappingView> mappings() {
        return mappings.list();
    }

    @GetMapping("/api/cc/client-import-mappings/{id}")
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    ClientImportMappingView mapping(@PathVariable UUID id) {
        return mappings.get(id);
    }

    @PostMapping("/api/cc/client-import-mappings")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.INTEGRATIONS_MANAGE)
    ClientImportMappingView createMapping(@Valid @RequestBody MappingRequest request) {
        return mappings.create(request.name(), request.mapping());
    }

    @PutMapping("/api/cc/client-import-mappings/{id}")
    @RequiresPermission(Permissions.INTEGRATIONS_MANAGE)
    ClientImportMappingView updateMapping(@PathVariable UUID id, @Valid @RequestBody MappingRequest request) {
        if (request.version() == null) {
            throw io.linea.cc.shared.InvalidInput.field("version", "validation.not-null");
        }
        return mappings.update(id, request.version(), request.name(), request.mapping());
    }

    @DeleteMapping("/api/cc/client-import-mappings/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.INTEGRATIONS_MANAGE)
    void deleteMapping(@PathVariable UUID id) {
        mappings.delete(id);
    }

    record MappingRequest(@NotBlank @Size(max = 100) String name, @NotNull ClientImportMapping mapping, Long version) {
    }
}
