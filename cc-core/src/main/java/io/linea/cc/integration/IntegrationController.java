package io.linea.cc.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.linea.cc.crm.ClientImportView;
import io.linea.cc.crm.ClientImports;
import io.linea.cc.crm.ClientUpsertItem;
import io.linea.cc.crm.ClientUpsertResult;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.problem.ProblemMessages;

/**
 * {@code /api/integration/v1}: what a tenant's own systems call with an API key (CRM-05): push contact
 * updates (upsert by external id, or a file import for the initial load) and pull interaction records.
 * Every write is idempotent: the same request twice leaves the cards as the first one did.
 */
@RestController
@RequestMapping("/api/integration/v1")
class IntegrationController {

    private final ClientImports imports;
    private final InteractionExport interactions;

    IntegrationController(ClientImports imports, InteractionExport interactions) {
        this.imports = imports;
        this.interactions = interactions;
    }

    @PostMapping("/clients:upsert")
    List<ClientUpsertResult> upsert(@RequestBody List<ClientUpsertItem> cards, Locale locale) {
        ApiScopes.require(ApiScopes.CLIENTS_WRITE);
        return imports.upsert(cards, ProblemMessages.supported(locale));
    }

    @PostMapping(path = "/clients/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ClientImportView startImport(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String mapping, @RequestParam(required = false) UUID mappingId) {
        ApiScopes.require(ApiScopes.CLIENTS_WRITE);
        if (file == null || file.isEmpty()) {
            throw LineaProblemException.badRequest("client-import.empty");
        }
        try {
            return imports.start(file.getOriginalFilename(), file.getInputStream(), mapping, mappingId,
                    ClientImports.Source.API, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/clients/imports/{id}")
    ClientImportView importJob(@PathVariable UUID id) {
        ApiScopes.require(ApiScopes.CLIENTS_WRITE, ApiScopes.CLIENTS_READ);
        return imports.job(id);
    }

    @GetMapping(path = "/clients/imports/{id}/rejected", produces = "text/csv")
    ResponseEntity<String> rejected(@PathVariable UUID id, Locale locale) {
        ApiScopes.require(ApiScopes.CLIENTS_WRITE, ApiScopes.CLIENTS_READ);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rejected-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(imports.rejectedReport(id, ProblemMessages.supported(locale)));
    }

    @GetMapping("/interactions")
    InteractionExport.Page interactions(@RequestParam Instant from, @RequestParam Instant to,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "500") int limit) {
        ApiScopes.require(ApiScopes.INTERACTIONS_READ);
        return interactions.page(from, to, cursor, limit);
    }
}
