package io.linea.cc.kb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.linea.cc.kb.KbView.Status;
import io.linea.cc.kb.KbView.Visibility;
import io.linea.cc.settings.Language;
import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.cc.telephony.InteractionManagement;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/**
 * The current tenant's knowledge base (HD-03): categories, articles with every revision kept, full-text
 * search, document import, and the record of which interactions used which article for the FAQ report
 * (RPT-07). Search and the report are SQL that names the tenant explicitly on top of row-level security.
 */
@Service
public class KnowledgeBaseManagement {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseManagement.class);

    /** Who makes a change, as recorded with each revision. */
    public record Author(UUID id, String name) {
    }

    /** Filters of the article list and search; all optional. */
    public record Query(String text, Language language, UUID categoryId, Visibility visibility, Status status) {
    }

    private final KbCategories categories;
    private final Articles articles;
    private final ArticleVersions versions;
    private final DocumentImport documents;
    private final InteractionManagement interactions;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();

    KnowledgeBaseManagement(KbCategories categories, Articles articles, ArticleVersions versions,
            DocumentImport documents, InteractionManagement interactions, JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.categories = categories;
        this.articles = articles;
        this.versions = versions;
        this.documents = documents;
        this.interactions = interactions;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    // --- categories -------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<KbView.Category> categories() {
        return categories.findAll(Sort.by("position", "name", "id")).stream().map(KbCategory::view).toList();
    }

    @Transactional(readOnly = true)
    public KbView.Category category(UUID id) {
        return requireCategory(id).view();
    }

    @Transactional
    public KbView.Category createCategory(String name, UUID parentId, int position) {
        requireParent(null, parentId);
        KbCategory category = categories.saveAndFlush(new KbCategory(name, parentId, position));
        log.info("Knowledge-base category {} created", category.id());
        return category.view();
    }

    @Transactional
    public KbView.Category updateCategory(UUID id, long expectedVersion, String name, UUID parentId, int position) {
        KbCategory category = requireCategory(id);
        if (category.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(KbCategory.class, id);
        }
        requireParent(id, parentId);
        category.change(name, parentId, position);
        return categories.saveAndFlush(category).view();
    }

    /** Refused while articles or sub-categories are filed under it: nothing is deleted by surprise. */
    @Transactional
    public void deleteCategory(UUID id) {
        KbCategory category = requireCategory(id);
        if (articles.count(Articles.inCategory(id)) > 0) {
            throw LineaProblemException.conflict("kb.category.has-articles");
        }
        if (categories.findAll().stream().anyMatch(c -> id.equals(c.parentId()))) {
            throw LineaProblemException.conflict("kb.category.has-children");
        }
        categories.delete(category);
        categories.flush();
        log.info("Knowledge-base category {} deleted", id);
    }

    /** The parent must exist, and must not be the category itself or one of its descendants (no cycles). */
    private void requireParent(UUID id, UUID parentId) {
        if (parentId == null) {
            return;
        }
        Map<UUID, UUID> parents = new java.util.HashMap<>();
        categories.findAll().forEach(c -> parents.put(c.id(), c.parentId()));
        if (!parents.containsKey(parentId)) {
            throw InvalidInput.field("parentId", "kb.category.missing");
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID at = parentId; at != null && seen.add(at); at = parents.get(at)) {
            if (at.equals(id)) {
                throw InvalidInput.field("parentId", "kb.category.cycle");
            }
        }
    }

    private KbCategory requireCategory(UUID id) {
        return categories.findById(id).orElseThrow(() -> LineaProblemException.notFound("category"));
    }

    // --- articles ---------------------------------------------------------------------------------------

    @Transactional
    public KbView.Article create(ArticleDraft draft, Author author) {
        Article article = new Article(checked(null, draft), group(null, draft.translationOf()), clock.instant(),
                author.id(), author.name());
        articles.saveAndFlush(article);
        versions.save(article.currentText());
        log.info("Knowledge-base article {} created in {}", article.id(), article.language());
        return view(article);
    }

    @Transactional(readOnly = true)
    public KbView.Article get(UUID id) {
        return view(require(id));
    }

    /**
     * Replaces an article; {@code expectedVersion} guards against lost updates. A changed title or body
     * becomes a new revision, kept with its author and time (HD-03).
     */
    @Transactional
    public KbView.Article update(UUID id, long expectedVersion, ArticleDraft draft, Author author) {
        Article article = require(id);
        if (article.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Article.class, id);
        }
        UUID group = group(article, draft.translationOf());
        if (article.change(checked(article, draft), group, clock.instant(), author.id(), author.name())) {
            versions.save(article.currentText());
        }
        articles.saveAndFlush(article);
        return view(article);
    }

    /** Deletes an article with its revisions and uses; its translations stay, grouped under the oldest of them. */
    @Transactional
    public void delete(UUID id) {
        Article article = require(id);
        List<Article> translations = articles.findAll(Articles.translationsOf(id), Sort.by("createdAt", "id"));
        if (!translations.isEmpty()) {
            UUID original = translations.getFirst().id();
            translations.forEach(t -> t.regroup(t.id().equals(original) ? null : original));
            articles.saveAllAndFlush(translations);
        }
        articles.delete(article);
        articles.flush();
        log.info("Knowledge-base article {} deleted", id);
    }

    @Transactional(readOnly = true)
    public List<KbView.Version> versions(UUID id) {
        require(id);
        return versions.findAll(ArticleVersions.of(id), Sort.by(Sort.Direction.DESC, "revision")).stream()
                .map(ArticleVersion::summary).toList();
    }

    @Transactional(readOnly = true)
    public KbView.Version version(UUID id, int revision) {
        require(id);
        return versions.findOne(ArticleVersions.of(id).and(ArticleVersions.revision(revision)))
                .map(ArticleVersion::view).orElseThrow(() -> LineaProblemException.notFound("version"));
    }

    /**
     * A new DRAFT article from a PDF, DOCX or HTML file (HD-03). The document is checked and parsed before
     * anything is written, so a refused file leaves nothing behind.
     */
    public KbView.Article importDocument(String fileName, String declaredType, byte[] content, Language language,
            UUID categoryId, Visibility visibility, Author author) {
        DocumentImport.Extracted extracted = documents.extract(fileName, declaredType, content);
        KbView.Article article = tx.execute(status -> create(new ArticleDraft(extracted.title(), extracted.body(),
                language, null, categoryId, List.of(), visibility, Status.DRAFT), author));
        log.info("Knowledge-base article {} imported from a {} of {} bytes", article.id(), extracted.kind(),
                content.length);
        return article;
    }

    long importMaxBytes() {
        return documents.maxBytes();
    }

    private ArticleDraft checked(Article article, ArticleDraft draft) {
        MarkdownBodies.require("body", draft.body());
        if (draft.categoryId() != null && !categories.existsById(draft.categoryId())) {
            throw InvalidInput.field("categoryId", "kb.category.missing");
        }
        return draft;
    }

    /**
     * The group a translation joins: its original's, whichever member it names. An article that has
     * translations of its own stays their original.
     */
    private UUID group(Article article, UUID translationOf) {
        if (translationOf == null) {
            return null;
        }
        if (article != null && translationOf.equals(article.id())) {
            throw InvalidInput.field("translationOf", "kb.article.translation-self");
        }
        Article target = articles.findById(translationOf)
                .orElseThrow(() -> InvalidInput.field("translationOf", "kb.article.translation-missing"));
        UUID group = target.group();
        if (article != null && group.equals(article.id())) {
            throw InvalidInput.field("translationOf", "kb.article.translation-self");
        }
        if (article != null && article.translationOf() == null
                && articles.count(Articles.translationsOf(article.id())) > 0) {
            throw InvalidInput.field("translationOf", "kb.article.has-translations");
        }
        return group;
    }

    private KbView.Article view(Article article) {
        List<KbView.Translation> translations = articles.findAll(Articles.inGroup(article.group())).stream()
                .filter(a -> !a.id().equals(article.id())).sorted(Comparator.comparing(Article::language))
                .map(Article::translation).toList();
        return article.view(translations);
    }

    private Article require(UUID id) {
        return articles.findById(id).orElseThrow(() -> LineaProblemException.notFound("article"));
    }

    // --- search -----------------------------------------------------------------------------------------

    /**
     * Articles matching {@code query}: with text, ranked by PostgreSQL full-text search in each article's
     * language (title above body) with a highlighted snippet; without, newest change first.
     */
    @Transactional(readOnly = true)
    public Paged<KbView.Hit> search(Query query, int page, int size) {
        UUID tenant = TenantContext.requireTenant();
        boolean text = query.text() != null && !query.text().isBlank();
        StringBuilder where = new StringBuilder(" where a.tenant_id = :tenant");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("tenant", tenant);
        if (query.language() != null) {
            where.append(" and a.language = :language");
            params.put("language", query.language().name());
        }
        if (query.categoryId() != null) {
            where.append(" and a.category_id = :category");
            params.put("category", query.categoryId());
        }
        if (query.visibility() != null) {
            where.append(" and a.visibility = :visibility");
            params.put("visibility", query.visibility().name());
        }
        if (query.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", query.status().name());
        }
        String from = " from cc.kb_article a";
        if (text) {
            params.put("q", query.text().strip());
            // one language: a constant query the GIN index serves; all languages: each article's own
            from += query.language() != null
                    ? " cross join (select websearch_to_tsquery(cc.kb_ts_config(:language), :q) as query) q"
                    : " cross join lateral (select websearch_to_tsquery(cc.kb_ts_config(a.language), :q) as query) q";
            where.append(" and a.search_vector @@ q.query");
        }
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        String columns = "select a.id, a.title, a.language, a.translation_of, a.category_id, a.tags, a.visibility,"
                + " a.status, a.revision, a.updated_at, "
                + (text ? "ts_rank(a.search_vector, q.query) as rank, ts_headline(cc.kb_ts_config(a.language),"
                        // escaped first, so the snippet is text with <mark> as its only markup
                        + " replace(replace(replace(a.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), q.query,"
                        + " 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2,"
                        + " FragmentDelimiter=\" … \"') as snippet"
                        : "null::float8 as rank, null as snippet");
        String order = text ? " order by rank desc, a.updated_at desc, a.id" : " order by a.updated_at desc, a.id";
        List<KbView.Hit> hits = jdbc.sql(columns + from + where + order + " limit :limit offset :offset")
                .params(params).query(KnowledgeBaseManagement::hit).list();
        return new Paged<>(hits, page, size, total);
    }

    private static KbView.Hit hit(ResultSet row, int i) throws SQLException {
        double rank = row.getDouble("rank");
        Double ranked = row.wasNull() ? null : rank;
        return new KbView.Hit(row.getObject("id", UUID.class), row.getString("title"),
                Language.valueOf(row.getString("language")), row.getObject("translation_of", UUID.class),
                row.getObject("category_id", UUID.class), List.of((String[]) row.getArray("tags").getArray()),
                Visibility.valueOf(row.getString("visibility")), Status.valueOf(row.getString("status")),
                row.getInt("revision"), row.getTimestamp("updated_at").toInstant(), ranked, row.getString("snippet"));
    }

    // --- uses and the FAQ report (RPT-07) ----------------------------------------------------------------

    /** Whether this use was counted now ({@code false}: the article was already used in that interaction). */
    public record Use(UUID articleId, UUID interactionId, boolean counted) {
    }

    /**
     * Records that an article helped in an interaction of the current tenant; counted once per pair.
     * The article is checked first, so another tenant's article id answers 404 whatever the body says.
     */
    public Use recordUse(UUID articleId, UUID interactionId, Author author) {
        tx.executeWithoutResult(status -> require(articleId));
        try {
            interactions.get(interactionId);
        } catch (LineaProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw InvalidInput.field("interactionId", "kb.use.interaction-missing");
            }
            throw e;
        }
        UUID tenant = TenantContext.requireTenant();
        Integer inserted = tx.execute(status -> jdbc.sql("""
                insert into cc.kb_article_use (id, tenant_id, article_id, interaction_id, used_at, used_by)
                values (:id, :tenant, :article, :interaction, :at, :by)
                on conflict (article_id, interaction_id) do nothing""")
                .param("id", UUID.randomUUID()).param("tenant", tenant).param("article", articleId)
                .param("interaction", interactionId).param("at", Timestamp.from(clock.instant()))
                .param("by", author.id()).update());
        return new Use(articleId, interactionId, inserted != null && inserted > 0);
    }

    /** Articles ranked by how many distinct interactions used them in [from, to) (RPT-07); at most 100. */
    @Transactional(readOnly = true)
    public KbView.Faq faq(Instant from, Instant to, Language language) {
        Instant until = to == null ? clock.instant() : to;
        Instant since = from == null ? until.minus(Duration.ofDays(30)) : from;
        if (!since.isBefore(until)) {
            throw InvalidInput.field("from", "kb.faq.period-invalid");
        }
        if (Duration.between(since, until).compareTo(Duration.ofDays(366)) > 0) {
            throw InvalidInput.field("to", "kb.faq.period-too-long");
        }
        List<KbView.FaqEntry> entries = jdbc.sql("""
                select a.id, a.title, a.language, a.category_id, count(distinct u.interaction_id) as interactions
                from cc.kb_article_use u
                join cc.kb_article a on a.id = u.article_id and a.tenant_id = u.tenant_id
                where u.tenant_id = :tenant and u.used_at >= :since and u.used_at < :until
                  and (cast(:language as varchar) is null or a.language = cast(:language as varchar))
                group by a.id, a.title, a.language, a.category_id
                order by interactions desc, a.title, a.id
                limit 100""").param("tenant", TenantContext.requireTenant())
                .param("since", Timestamp.from(since)).param("until", Timestamp.from(until))
                .param("language", language == null ? null : language.name())
                .query((row, i) -> new KbView.FaqEntry(row.getObject("id", UUID.class), row.getString("title"),
                        Language.valueOf(row.getString("language")), row.getObject("category_id", UUID.class),
                        row.getLong("interactions")))
                .list();
        return new KbView.Faq(since, until, language, entries);
    }
}
