package io.linea.cc.crm;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.provisioning.E164;
import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/**
 * {@code /api/cc/clients}: client cards (CRM-01, CRM-04), search and tags (CRM-03), caller
 * identification (AGT-04), notes with versions (AGT-05) and history (CRM-01).
 */
@RestController
@RequestMapping("/api/cc/clients")
class ClientController {

    private final ClientDirectory directory;
    private final ClientHistory history;

    ClientController(ClientDirectory directory, ClientHistory history) {
        this.directory = directory;
        this.history = history;
    }

    @GetMapping
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    Paged<ClientView> list(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 40) String tag,
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            @RequestParam(defaultValue = "name") String sort) {
        return directory.search(q, tag, page, size, ClientDirectory.Order.parse(sort));
    }

    /** Exactly one of {@code phone} and {@code email}; every matching client, several per number (CRM-04). */
    @GetMapping("/identify")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    List<ClientView> identify(@RequestParam(required = false) @Size(max = 32) String phone,
            @RequestParam(required = false) @Size(max = 254) String email) {
        boolean byPhone = phone != null && !phone.isBlank();
        boolean byEmail = email != null && !email.isBlank();
        if (byPhone == byEmail) {
            throw LineaProblemException.badRequest("client.identify-one");
        }
        if (byPhone) {
            return directory.identifyByPhone(E164.require("phone", phone));
        }
        return directory.identifyByEmail(EmailAddresses.normalise(email)
                .orElseThrow(() -> InvalidInput.field("email", "email.invalid", email)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    ClientView create(@Valid @RequestBody ClientRequest request) {
        return directory.create(request.draft());
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    ClientView get(@PathVariable UUID id) {
        return directory.get(id);
    }

    @PutMapping("/{id}")
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    ClientView update(@PathVariable UUID id, @Valid @RequestBody ClientRequest request) {
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return directory.update(id, request.version(), request.draft());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    void delete(@PathVariable UUID id) {
        directory.delete(id);
    }

    @GetMapping("/{id}/notes")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    List<NoteView> notes(@PathVariable UUID id) {
        return history.notes(id);
    }

    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    NoteView addNote(@PathVariable UUID id, @Valid @RequestBody NoteRequest request) {
        LineaPrincipal me = LineaPrincipal.current().orElseThrow();
        return history.addNote(id, request.interactionId(), request.text().strip(), me.personId(), me.displayName());
    }

    @PutMapping("/{id}/notes/{noteId}")
    @RequiresPermission(Permissions.CLIENTS_MANAGE)
    NoteView editNote(@PathVariable UUID id, @PathVariable UUID noteId, @Valid @RequestBody NoteChange request) {
        LineaPrincipal me = LineaPrincipal.current().orElseThrow();
        return history.editNote(id, noteId, request.version(), request.text().strip(), me.personId(),
                me.displayName());
    }

    @GetMapping("/{id}/notes/{noteId}/versions")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    List<NoteView.Version> noteVersions(@PathVariable UUID id, @PathVariable UUID noteId) {
        return history.versions(id, noteId);
    }

    @GetMapping("/{id}/interactions")
    @RequiresPermission(Permissions.CLIENTS_VIEW)
    Paged<ClientInteractionView> interactions(@PathVariable UUID id,
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return history.interactions(id, page, size);
    }

    record ClientRequest(@Size(max = 100) String firstName, @Size(max = 100) String lastName,
            @Size(max = 200) String organisation, @Size(max = 100) String externalId, @Size(max = 8) String language,
            @Size(max = 10) List<@NotNull @Valid PhoneRequest> phones,
            @Size(max = 10) List<@NotNull @Valid EmailRequest> emails,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags, Map<String, Object> custom, Long version) {

        ClientDraft draft() {
            return new ClientDraft(firstName, lastName, organisation, externalId, language,
                    phones == null ? List.of() : phones.stream().map(p -> new ClientView.Phone(p.number(), p.label())).toList(),
                    emails == null ? List.of() : emails.stream().map(e -> new ClientView.Email(e.address(), e.label())).toList(),
                    tags, custom);
        }
    }

    record PhoneRequest(@NotBlank @Size(max = 32) String number, @Size(max = 40) String label) {
    }

    record EmailRequest(@NotBlank @Size(max = 254) String address, @Size(max = 40) String label) {
    }

    record NoteRequest(@NotBlank @Size(max = 10_000) String text, UUID interactionId) {
    }

    record NoteChange(@NotBlank @Size(max = 10_000) String text, @NotNull Long version) {
    }
}
