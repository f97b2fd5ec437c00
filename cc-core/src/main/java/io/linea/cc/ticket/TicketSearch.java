package io.linea.cc.ticket;

import java.util.Map;

/**
 * The SQL of ticket search (CRM-03), shared by the list's {@code q} and the one search: the words of the query
 * are split by the same parser as the documents ({@code cc.search_simple}: accents and case folded), each a
 * prefix, all required, against {@code cc.ticket.search_vector} (subject, description, comments, attachments'
 * text, kept by triggers); a number, with or without {@code #}, also finds the ticket with that number.
 */
final class TicketSearch {

    /** Binds {@code q} (the query) and {@code number} (null when the text is not a number). */
    static final String QUERY = """
            with q as (select (select to_tsquery('cc.search_simple', string_agg('''' || replace(replace(lexeme, '\\', '\\\\'),
                '''', '''''') || ''':*', ' & ')) from unnest(to_tsvector('cc.search_simple', :q))) as query,
                cast(:number as bigint) as number)
            """;

    static final String MATCH = "((q.query is not null and t.search_vector @@ q.query) or t.number = q.number)";

    /** A number match ranks above any text match. */
    static final String RANK = "(case when t.number = q.number then 1.0 else 0 end"
            + " + coalesce(ts_rank(t.search_vector, q.query), 0))";

    /** The best fragment of the subject and description, escaped, with {@code <mark>} around hits. */
    static final String SNIPPET = "case when q.query is null then left(t.subject, 200) else"
            + " ts_headline('cc.search_simple', replace(replace(replace(left(concat_ws(' … ', t.subject, t.description,"
            + " (select string_agg(c.text, ' … ' order by c.created_at) from cc.ticket_comment c"
            + " where c.tenant_id = t.tenant_id and c.ticket_id = t.id),"
            + " (select string_agg(a.file_name || ': ' || left(a.text, 20000), ' … ' order by a.uploaded_at)"
            + " from cc.ticket_attachment a where a.tenant_id = t.tenant_id and a.ticket_id = t.id)), 100000),"
            + " '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), q.query,"
            + " 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=10, MaxFragments=2,"
            + " FragmentDelimiter=\" … \"') end";

    private TicketSearch() {
    }

    static void bind(String q, Map<String, Object> params) {
        String text = q.strip();
        String digits = text.startsWith("#") ? text.substring(1).strip() : text;
        params.put("q", text);
        params.put("number", digits.matches("[0-9]{1,18}") ? Long.parseLong(digits) : null);
    }
}
