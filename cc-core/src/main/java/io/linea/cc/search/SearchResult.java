package io.linea.cc.search;

import java.util.UUID;

/**
 * One hit of the one search (CRM-03): {@code type} is {@code client}, {@code ticket} or {@code article};
 * {@code snippet} is escaped text with {@code <mark>} around the matched words; {@code rank} is PostgreSQL's
 * {@code ts_rank} of the hit in its own module (a ticket found by its number ranks above 1); {@code url} is the
 * API path of the resource.
 */
public record SearchResult(String type, UUID id, String title, String snippet, double rank, String url) {
}
