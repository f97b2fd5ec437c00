package io.linea.cc.form;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.shared.InvalidInput;
import io.linea.cc.telephony.InteractionManagement;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.problem.LineaProblemException.FieldProblem;
import io.linea.platform.tenancy.TenantContext;

/**
 * Categories (dispositions) of the current tenant's interactions (AGT-05): their tree, the categories an
 * interaction carries, set during or after the contact with every change audited (who, when, before,
 * after) and appended to the interaction's event log, and the counts per category of a period (RPT-07).
 */
@Service
public class CategoryManagement {

    /** A contact is filed under a handful of categories, not a catalogue. */
    public static final int MAX_PER_INTERACTION = 20;

    private static final Comparator<Category> ORDER = Comparator.comparingInt(Category::position)
            .thenComparing(Category::name).thenComparing(Category::id);
    private static final Logger log = LoggerFactory.getLogger(CategoryManagement.class);

    private final Categories categories;
    private final InteractionCategories assigned;
    private final CategoryChanges changes;
    private final InteractionManagement interactions;
    private final JdbcClient jdbc;

    CategoryManagement(Categories categories, InteractionCategories assigned, CategoryChanges changes,
            InteractionManagement interactions, JdbcClient jdbc) {
        this.categories = categories;
        this.assigned = assigned;
        this.changes = changes;
        this.interactions = interactions;
        this.jdbc = jdbc;
    }

    // --- the tree -------------------------------------------------------------------------------------------

    /** In display order (position, name); {@code active} null lists all. */
    @Transactional(readOnly = true)
    public List<CategoryView> list(Boolean active) {
        return categories.findAll(Sort.by("position", "name", "id")).stream()
                .filter(c -> active == null || c.active() == active).map(Category::view).toList();
    }

    @Transactional(readOnly = true)
    public CategoryView get(UUID id) {
        return require(id).view();
    }

    /** A name already used under the same parent is refused by constraint category_name_unique (409 category.name-taken). */
    @Transactional
    public CategoryView create(String name, UUID parentId, boolean active, int position) {
        requireParent(null, parentId);
        Category category = categories.saveAndFlush(new Category(name, parentId, active, position));
        log.info("Category {} created", category.id());
        return category.view();
    }

    @Transactional
    public CategoryView update(UUID id, long expectedVersion, String name, UUID parentId, boolean active, int position) {
        Category category = require(id);
        if (category.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Category.class, id);
        }
        requireParent(id, parentId);
        category.change(name, parentId, active, position);
        return categories.saveAndFlush(category).view();
    }

    /**
     * Only a category no interaction carries now and without sub-categories (409 category.in-use, deactivate
     * it instead; 409 category.has-children). The audit keeps its name either way.
     */
    @Transactional
    public void delete(UUID id) {
        Category category = require(id);
        if (assigned.existsByCategoryId(id)) {
            throw LineaProblemException.conflict("category.in-use");
        }
        if (categories.existsByParentId(id)) {
            throw LineaProblemException.conflict("category.has-children");
        }
        categories.delete(category);
        categories.flush();
        log.info("Category {} deleted", id);
    }

    // --- an interaction's categories ------------------------------------------------------------------------

    /** 404 for an interaction the current tenant does not have. */
    @Transactional(readOnly = true)
    public InteractionCategoriesView of(UUID interactionId) {
        requireInteraction(interactionId);
        return view(interactionId);
    }

    /**
     * Sets the interaction's categories to {@code categoryIds} (repeats ignored), during or after the
     * contact. A real change, or any change with a note, is audited with who, when, before and after, and
     * appended to the interaction's events as {@code CATEGORIZED}. Categories of another tenant are unknown
     * here ({@code category.missing}); an inactive one may stay but not be added ({@code category.inactive}).
     */
    @Transactional
    public InteractionCategoriesView assign(UUID interactionId, List<UUID> categoryIds, String note, Caller by) {
        requireInteraction(interactionId);
        // changes of one interaction queue here, so that each one's "before" is the previous one's "after"
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('interaction_category:' || :id, 0))) l")
                .param("id", interactionId.toString()).query(Integer.class).single();
        List<InteractionCategory> current = assigned.findByInteractionId(interactionId);
        Set<UUID> before = current.stream().map(InteractionCategory::categoryId).collect(Collectors.toSet());
        LinkedHashSet<UUID> wanted = new LinkedHashSet<>(categoryIds);
        Map<UUID, Category> known = new HashMap<>();
        Set<UUID> lookup = new HashSet<>(wanted);
        lookup.addAll(before);
        categories.findAllById(lookup).forEach(c -> known.put(c.id(), c));
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < categoryIds.size(); i++) {
            Category category = known.get(categoryIds.get(i));
            if (category == null) {
                problems.add(new FieldProblem("categoryIds[" + i + "]", "category.missing"));
            } else if (!category.active() && !before.contains(category.id())) {
                problems.add(new FieldProblem("categoryIds[" + i + "]", "category.inactive", category.name()));
            }
        }
        if (!problems.isEmpty()) {
            throw new LineaProblemException(HttpStatus.BAD_REQUEST, "validation.failed", problems);
        }
        String reason = note == null || note.isBlank() ? null : note.strip();
        if (before.equals(wanted) && reason == null) {
            return view(interactionId);
        }
        Instant now = FormManagement.now();
        List<InteractionCategory> removed = current.stream().filter(c -> !wanted.contains(c.categoryId())).toList();
        assigned.deleteAll(removed);
        assigned.flush();
        wanted.stream().filter(id -> !before.contains(id))
                .forEach(id -> assigned.save(new InteractionCategory(interactionId, id, now)));
        assigned.flush();
        List<InteractionCategoriesView.Named> from = named(before.stream().map(known::get).sorted(ORDER).toList());
        List<InteractionCategoriesView.Named> to = named(wanted.stream().map(known::get).toList());
        changes.saveAndFlush(new CategoryChange(interactionId, now, by, from, to, reason));
        interactions.recordCategorized(interactionId, now, by.name(), names(from) + " → " + names(to));
        log.info("Categories of interaction {} changed", interactionId);
        return view(interactionId);
    }

    // --- the report -----------------------------------------------------------------------------------------

    /**
     * Interactions that started in [{@code from}, {@code to}) per category they carry now (RPT-07); every
     * category of the tenant is listed, most used first. Without bounds: the 30 days up to now; at most
     * 366 days.
     */
    @Transactional(readOnly = true)
    public CategoryCounts counts(Instant from, Instant to) {
        Instant until = to == null ? Instant.now() : to;
        Instant since = from == null ? until.minus(Duration.ofDays(30)) : from;
        if (!since.isBefore(until)) {
            throw InvalidInput.field("from", "category.period-invalid");
        }
        if (Duration.between(since, until).compareTo(Duration.ofDays(366)) > 0) {
            throw InvalidInput.field("to", "category.period-too-long");
        }
        UUID tenant = TenantContext.requireTenant();
        Map<String, Object> params = Map.of("tenant", tenant, "since", Timestamp.from(since), "until",
                Timestamp.from(until));
        String period = """
                select i.id from cc.interaction i
                where i.tenant_id = :tenant and i.started_at >= :since and i.started_at < :until""";
        List<CategoryCounts.Entry> entries = jdbc.sql("""
                select c.id, c.name, c.parent_id, c.active, count(ic.interaction_id) as interactions
                from cc.category c
                left join cc.interaction_category ic on ic.tenant_id = c.tenant_id and ic.category_id = c.id
                    and ic.interaction_id in (%s)
                where c.tenant_id = :tenant
                group by c.id, c.name, c.parent_id, c.active, c.position
                order by interactions desc, c.position, c.name, c.id""".formatted(period)).params(params)
                .query((row, i) -> new CategoryCounts.Entry(row.getObject("id", UUID.class), row.getString("name"),
                        row.getObject("parent_id", UUID.class), row.getBoolean("active"), row.getLong("interactions")))
                .list();
        long total = jdbc.sql("select count(*) from (" + period + ") p").params(params).query(Long.class).single();
        long uncategorized = jdbc.sql("select count(*) from (" + period + ") p where not exists (select 1 from"
                + " cc.interaction_category ic where ic.tenant_id = :tenant and ic.interaction_id = p.id)")
                .params(params).query(Long.class).single();
        return new CategoryCounts(since, until, total, uncategorized, entries);
    }

    private InteractionCategoriesView view(UUID interactionId) {
        Set<UUID> ids = assigned.findByInteractionId(interactionId).stream().map(InteractionCategory::categoryId)
                .collect(Collectors.toSet());
        List<CategoryView> current = categories.findAllById(ids).stream().sorted(ORDER).map(Category::view).toList();
        return new InteractionCategoriesView(interactionId, current,
                changes.findByInteractionIdOrderBySeqAsc(interactionId).stream().map(CategoryChange::view).toList());
    }

    private void requireInteraction(UUID interactionId) {
        if (interactions.existing(Set.of(interactionId)).isEmpty()) {
            throw LineaProblemException.notFound("interaction");
        }
    }

    /** The parent must exist, and must not be the category itself or one of its descendants (no cycles). */
    private void requireParent(UUID id, UUID parentId) {
        if (parentId == null) {
            return;
        }
        Map<UUID, UUID> parents = new HashMap<>();
        categories.findAll().forEach(c -> parents.put(c.id(), c.parentId()));
        if (!parents.containsKey(parentId)) {
            throw InvalidInput.field("parentId", "category.missing");
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID at = parentId; at != null && seen.add(at); at = parents.get(at)) {
            if (at.equals(id)) {
                throw InvalidInput.field("parentId", "category.cycle");
            }
        }
    }

    private Category require(UUID id) {
        return categories.findById(id).orElseThrow(() -> LineaProblemException.notFound("category"));
    }

    private static List<InteractionCategoriesView.Named> named(List<Category> list) {
        return list.stream().map(c -> new InteractionCategoriesView.Named(c.id(), c.name())).toList();
    }

    private static String names(List<InteractionCategoriesView.Named> list) {
        return list.isEmpty() ? "–" : list.stream().map(InteractionCategoriesView.Named::name)
                .collect(Collectors.joining(", "));
    }
}
