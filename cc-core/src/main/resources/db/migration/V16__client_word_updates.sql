-- The words of updated cards (V13), deleted by their whole key without joining the transition tables once
-- per card: inline, PostgreSQL scanned the thousand new cards again for every old one (0.4 s for a batch of
-- a thousand changed cards in the bulk upsert, CRM-05). The cards whose words or name changed, then their
-- old words, are worked out first.

create or replace function cc.client_words_updated() returns trigger
    language plpgsql
    as $$
begin
    execute 'with changed as materialized (
               select o.id, o.tenant_id, o.search_vector as old_vector, o.sort_name as old_name,
                      o.sort_first as old_first
               from new_cards n join old_cards o on o.id = n.id
               where n.search_vector <> o.search_vector or n.sort_name <> o.sort_name
                  or n.sort_first <> o.sort_first),
             gone as materialized (
               select c.tenant_id, c.id, c.old_name, c.old_first, l.lexeme
               from changed c, unnest(c.old_vector) l)
             delete from cc.client_word w using gone g
             where w.tenant_id = g.tenant_id and w.word = g.lexeme and w.sort_name = g.old_name
               and w.sort_first = g.old_first and w.client_id = g.id';
    insert into cc.client_word (tenant_id, word, sort_name, sort_first, client_id)
    select n.tenant_id, w.lexeme, n.sort_name, n.sort_first, n.id
    from new_cards n join old_cards o on o.id = n.id, unnest(n.search_vector) w
    where n.search_vector <> o.search_vector or n.sort_name <> o.sort_name or n.sort_first <> o.sort_first;
    return null;
end
$$;
