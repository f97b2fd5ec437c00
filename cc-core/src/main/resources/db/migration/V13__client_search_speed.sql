-- Client search over a tenant with a million cards (CRM-03, B: client search).
--
-- The GIN index of cc.client.search_vector finds the cards a query matches, but ordering and counting
-- them means reading every matching card from the table: a common surname matches tens of thousands,
-- scattered over the whole table. cc.client_word holds the same words (the lexemes of search_vector)
-- one per row, next to the card's sort keys, in a B-tree that answers "the cards with a word starting
-- with …, in name order" from the index alone. A trigger keeps it in step with every write of a card.
-- The sort keys of the name order are stored on the card for the words to carry (the list without a
-- query keeps its own index, client_sort_name, on the same expressions).

alter table cc.client
    add column sort_name  text generated always as (lower(cc.crm_unaccent(coalesce(last_name, organisation, '')))) stored,
    add column sort_first text generated always as (lower(cc.crm_unaccent(coalesce(first_name, '')))) stored;

-- Every search of cards goes through the words now; search_vector stays for ranking and highlighting.
drop index cc.client_search;

create table cc.client_word (
    tenant_id  uuid not null,
    word       text collate "C" not null,
    sort_name  text not null,
    sort_first text not null,
    client_id  uuid not null
);
-- "C" order: the words starting with a prefix are one range of the index
create index client_word_prefix on cc.client_word (tenant_id, word, sort_name, sort_first, client_id);

-- Statement triggers with transition tables: a bulk write of a thousand cards (CRM-05) changes their words
-- in one statement each way. A card's old words are found by their whole key in the one index (no second
-- index to keep up on every write); the deletes are planned afresh every time (EXECUTE), as a plan cached
-- while the table was small could scan it whole once it holds millions of words.
create function cc.client_words_inserted() returns trigger
    language plpgsql
    as $$
begin
    insert into cc.client_word (tenant_id, word, sort_name, sort_first, client_id)
    select n.tenant_id, w.lexeme, n.sort_name, n.sort_first, n.id from new_cards n, unnest(n.search_vector) w;
    return null;
end
$$;

create function cc.client_words_updated() returns trigger
    language plpgsql
    as $$
begin
    -- only the cards whose words or name changed: most updates touch neither
    execute 'delete from cc.client_word w
             using new_cards n join old_cards o on o.id = n.id, unnest(o.search_vector) l
             where (n.search_vector <> o.search_vector or n.sort_name <> o.sort_name or n.sort_first <> o.sort_first)
               and w.tenant_id = o.tenant_id and w.word = l.lexeme and w.sort_name = o.sort_name
               and w.sort_first = o.sort_first and w.client_id = o.id';
    insert into cc.client_word (tenant_id, word, sort_name, sort_first, client_id)
    select n.tenant_id, w.lexeme, n.sort_name, n.sort_first, n.id
    from new_cards n join old_cards o on o.id = n.id, unnest(n.search_vector) w
    where n.search_vector <> o.search_vector or n.sort_name <> o.sort_name or n.sort_first <> o.sort_first;
    return null;
end
$$;

create function cc.client_words_deleted() returns trigger
    language plpgsql
    as $$
begin
    execute 'delete from cc.client_word w using old_cards o, unnest(o.search_vector) l
             where w.tenant_id = o.tenant_id and w.word = l.lexeme and w.sort_name = o.sort_name
               and w.sort_first = o.sort_first and w.client_id = o.id';
    return null;
end
$$;

create trigger client_words_inserted after insert on cc.client referencing new table as new_cards
    for each statement execute function cc.client_words_inserted();
create trigger client_words_updated after update on cc.client referencing old table as old_cards new table as new_cards
    for each statement execute function cc.client_words_updated();
create trigger client_words_deleted after delete on cc.client referencing old table as old_cards
    for each statement execute function cc.client_words_deleted();

insert into cc.client_word (tenant_id, word, sort_name, sort_first, client_id)
select c.tenant_id, w.lexeme, c.sort_name, c.sort_first, c.id from cc.client c, unnest(c.search_vector) w;

alter table cc.client_word enable row level security;
alter table cc.client_word force row level security;
create policy client_word_tenant_isolation on cc.client_word to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy client_word_platform_access on cc.client_word to ${platform_role} using (true) with check (true);
