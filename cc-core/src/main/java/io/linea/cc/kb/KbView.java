package io.linea.cc.kb;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.linea.cc.settings.Language;

/** The knowledge base as the API shows it (HD-03, RPT-07). */
public final class KbView {

    private KbView() {
    }

    /** INTERNAL articles are for the tenant's staff only; PUBLIC ones may be shown to customers. */
    public enum Visibility {
        INTERNAL, PUBLIC
    }

    public enum Status {
        DRAFT, PUBLISHED, ARCHIVED
    }

    public record Category(UUID id, String name, UUID parentId, int position, long version) {
    }

    /** {@code body} is Markdown without raw HTML; {@code translations} are the other articles of its group. */
    public record Article(UUID id, String title, String body, Language language, UUID translationOf,
            List<Translation> translations, UUID categoryId, List<String> tags, Visibility visibility,
            Status status, int revision, UUID updatedBy, String updatedByName, Instant updatedAt, long version) {
    }

    public record Translation(UUID id, Language language, String title, Status status) {
    }

    /** A search or list result; {@code rank} and {@code snippet} (with {@code <mark>} around hits) only with a query. */
    public record Hit(UUID id, String title, Language language, UUID translationOf, UUID categoryId,
            List<String> tags, Visibility visibility, Status status, int revision, Instant updatedAt, Double rank,
            String snippet) {
    }

    /** One kept revision; {@code body} is left out of the list of versions. */
    public record Version(UUID articleId, int revision, String title, String body, UUID editedBy,
            String editedByName, Instant editedAt) {
    }

    /** How many distinct interactions used an article in a period (RPT-07). */
    public record FaqEntry(UUID articleId, String title, Language language, UUID categoryId, long interactions) {
    }

    public record Faq(Instant from, Instant to, Language language, List<FaqEntry> articles) {
    }
}
