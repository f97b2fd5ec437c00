package io.linea.cc.form;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How many interactions that started in [{@code from}, {@code to}) carry each category now (RPT-07):
 * {@code interactions} is every interaction of the period, {@code uncategorized} those without a category.
 * An interaction with two categories counts once for each.
 */
public record CategoryCounts(Instant from, Instant to, long interactions, long uncategorized, List<Entry> categories) {

    public record Entry(UUID categoryId, String name, UUID parentId, boolean active, long interactions) {
    }
}
