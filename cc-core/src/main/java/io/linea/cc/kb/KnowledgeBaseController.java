package io.linea.cc.kb;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.linea.cc.kb.KbView.Status;
import io.linea.cc.kb.KbView.Visibility;
import io.linea.cc.settings.Language;
import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.RequiresPermission;

/**
 * {@code /api/cc/kb}: categories, articles and their versions, search, import (HD-03) and the FAQ counts
 * (RPT-07). Reading, searching and recording a use need {@code kb.view} (internal articles included);
 * writing, publishing and importing need {@code kb.manage}.
 */
@RestController
@RequestMapping("/api/cc/kb")
class KnowledgeBaseController {

    private final KnowledgeBaseManagement management;

    KnowledgeBaseController(KnowledgeBaseManagement management) {
        this.management = management;
    }

    // --- categories -------------------------------------------------------------------------------------

    @GetMapping("/categories")
    @RequiresPermission(Permissions.KB_VIEW)
    List<KbView.Category> categories() {
        return management.categories();
    }

    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.KB_MANAGE)
    KbView.Category createCategory(@Valid @RequestBody CategoryRequest request) {
        return management.createCategory(request.name().strip(), request.parentId(), request.positionOrZero());
    }

    @GetMapping("/categories/{id}")
    @RequiresPermission(Permissions.KB_VIEW)
    KbView.Category category(@PathVariable UUID id) {
        return management.category(id);
    }

    @PutMapping("/categories/{id}")
    @RequiresPermission(Permissions.KB_MANAGE)
    KbView.Category updateCategory(@PathVariable UUID id, @Valid @RequestBody CategoryRequest request) {
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return management.updateCategory(id, request.version(), request.name().strip(), request.parentId(),
                request.positionOrZero());
    }

    @DeleteMapping("/categories/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.KB_MANAGE)
    void deleteCategory(@PathVariable UUID id) {
        management.deleteCategory(id);
    }

    record CategoryRequest(@NotBlank @Size(max = 200) String name, UUID parentId,
            @Min(0) @Max(100000) Integer position, Long version) {

        int positionOrZero() {
            return position == null ? 0 : position;
        }
    }

    // --- articles ---------------------------------------------------------------------------------------

    /** Search ({@code q}) or list; every filter optional. */
    @GetMapping("/articles")
    @RequiresPermission(Permissions.KB_VIEW)
    Paged<KbView.Hit> search(@RequestParam(required = false) @Size(max = 500) String q,
            @RequestParam(required = false) Language language, @RequestParam(required = false) UUID categoryId,
            @RequestParam(required = false) Visibility visibility, @RequestParam(required = false) Status status,
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(10000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return management.search(new KnowledgeBaseManagement.Query(q, language, categoryId, visibility, status),
                page, size);
    }

    @PostMapping("/articles")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.KB_MANAGE)
    KbView.Article create(@Valid @RequestBody ArticleRequest request) {
        return management.create(request.draft(), author());
    }

    @GetMapping("/articles/{id}")
    @RequiresPermission(Permissions.KB_VIEW)
    KbView.Article get(@PathVariable UUID id) {
        return management.get(id);
    }

    @PutMapping("/articles/{id}")
    @RequiresPermission(Permissions.KB_MANAGE)
    KbView.Article update(@PathVariable UUID id, @Valid @RequestBody ArticleRequest request) {
        if (request.version() == null) {
            throw InvalidInput.field("version", "validation.not-null");
        }
        return management.update(id, request.version(), request.draft(), author());
    }

    @DeleteMapping("/articles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permissions.KB_MANAGE)
    void delete(@PathVariable UUID id) {
        management.delete(id);
    }

    /** The kept revisions, newest first, without their bodies. */
    @GetMapping("/articles/{id}/versions")
    @RequiresPermission(Permissions.KB_VIEW)
    List<KbView.Version> versions(@PathVariable UUID id) {
        return management.versions(id);
    }

    @GetMapping("/articles/{id}/versions/{revision}")
    @RequiresPermission(Permissions.KB_VIEW)
    KbView.Version version(@PathVariable UUID id, @PathVariable @Min(1) int revision) {
        return management.version(id, revision);
    }

    /**
     * A PDF, DOCX or HTML file becomes a DRAFT article (HD-03); refused files leave nothing behind. Size,
     * type and content checks are in {@link DocumentImport}.
     */
    @PostMapping(path = "/articles/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permissions.KB_MANAGE)
    KbView.Article importDocument(@RequestPart("file") MultipartFile file, @RequestParam Language language,
            @RequestParam(required = false) UUID categoryId,
            @RequestParam(defaultValue = "INTERNAL") Visibility visibility) {
        if (file.getSize() > management.importMaxBytes()) {
            throw new LineaProblemException(HttpStatus.CONTENT_TOO_LARGE, "kb.import.too-large",
                    management.importMaxBytes() / (1024 * 1024));
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new LineaProblemException(HttpStatus.BAD_REQUEST, "kb.import.unreadable");
        }
        return management.importDocument(file.getOriginalFilename(), file.getContentType(), content, language,
                categoryId, visibility, author());
    }

    /** Records that the article was used in an interaction, once per pair (RPT-07). */
    @PostMapping("/articles/{id}/uses")
    @RequiresPermission(Permissions.KB_VIEW)
    KnowledgeBaseManagement.Use use(@PathVariable UUID id, @Valid @RequestBody UseRequest request) {
        return management.recordUse(id, request.interactionId(), author());
    }

    record UseRequest(@NotNull UUID interactionId) {
    }

    /** Articles ranked by the interactions that used them in [from, to); defaults to the last 30 days. */
    @GetMapping("/faq")
    @RequiresPermission(Permissions.KB_VIEW)
    KbView.Faq faq(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Language language) {
        return management.faq(from, to, language);
    }

    /**
     * Create and full replace; {@code version} is required on replace. {@code body} is Markdown without raw
     * HTML. {@code visibility} defaults to INTERNAL, {@code status} to DRAFT.
     */
    record ArticleRequest(@NotBlank @Size(max = 300) String title, @NotNull @Size(max = 500_000) String body,
            @NotNull Language language, UUID translationOf, UUID categoryId,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags, Visibility visibility, Status status,
            Long version) {

        ArticleDraft draft() {
            return new ArticleDraft(title.strip(), body, language, translationOf, categoryId, tags, visibility,
                    status);
        }
    }

    private static KnowledgeBaseManagement.Author author() {
        LineaPrincipal me = LineaPrincipal.current().orElseThrow();
        return new KnowledgeBaseManagement.Author(me.personId(), me.displayName());
    }
}
