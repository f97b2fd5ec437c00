-- The knowledge base of known solutions (HD-03) and its FAQ counts (RPT-07): categories, articles per
-- language grouped as translations, every revision of an article's text kept with its author, and which
-- interactions used which article. Search is PostgreSQL full-text search with one configuration per
-- language: english, romanian and russian stemming, `simple` for cs, pl, uk and kk; accents are folded
-- by the unaccent dictionary where the server has that extension (the embedded PostgreSQL 17 does).

-- Text search configurations of our own, so that folding accents needs no change to any query and
-- ts_headline highlights the original, accented words.
do $$
declare
    unaccent_schema text;
    cfg record;
begin
    if exists (select 1 from pg_available_extensions where name = 'unaccent') then
        create extension if not exists unaccent schema cc;
        select n.nspname into unaccent_schema from pg_ts_dict d join pg_namespace n on n.oid = d.dictnamespace
            where d.dictname = 'unaccent' limit 1;
    end if;
    for cfg in select * from (values ('kb_english', 'english', 'english_stem'),
                                     ('kb_romanian', 'romanian', 'romanian_stem'),
                                     ('kb_russian', 'russian', 'russian_stem'),
                                     ('kb_simple', 'simple', 'simple')) as c(name, copy, stem) loop
        execute format('create text search configuration cc.%I (copy = pg_catalog.%I)', cfg.name, cfg.copy);
        if unaccent_schema is not null then
            execute format('alter text search configuration cc.%I alter mapping for hword, hword_part, word '
                || 'with %I.unaccent, pg_catalog.%I', cfg.name, unaccent_schema, cfg.stem);
            execute format('alter text search configuration cc.%I alter mapping for asciihword, '
                || 'hword_asciipart, asciiword with %I.unaccent, pg_catalog.%I', cfg.name, unaccent_schema,
                case when cfg.name = 'kb_russian' then 'english_stem' else cfg.stem end);
        end if;
    end loop;
end
$$;

-- The configuration an article's language is indexed and searched with.
create function cc.kb_ts_config(language varchar) returns regconfig
    language sql immutable parallel safe
    return case language
        when 'en' then 'cc.kb_english'::regconfig
        when 'ro' then 'cc.kb_romanian'::regconfig
        when 'ru' then 'cc.kb_russian'::regconfig
        else 'cc.kb_simple'::regconfig
    end;

create table cc.kb_category (
    id         uuid primary key,
    tenant_id  uuid         not null,
    name       varchar(200) not null,
    parent_id  uuid,
    position   integer      not null default 0,
    version    bigint       not null default 0,
    constraint kb_category_tenant_id_unique unique (tenant_id, id),
    constraint kb_category_parent_fk foreign key (tenant_id, parent_id) references cc.kb_category (tenant_id, id),
    constraint kb_category_name_unique unique nulls not distinct (tenant_id, parent_id, name),
    constraint kb_category_position check (position between 0 and 100000)
);
create index kb_category_parent on cc.kb_category (tenant_id, parent_id);

create table cc.kb_article (
    id              uuid primary key,
    tenant_id       uuid          not null,
    title           varchar(300)  not null,
    body            text          not null,
    language        varchar(2)    not null,
    translation_of  uuid,
    category_id     uuid,
    tags            varchar(50)[] not null default '{}',
    visibility      varchar(16)   not null,
    status          varchar(16)   not null,
    revision        integer       not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    updated_by      uuid,
    updated_by_name varchar(200),
    version         bigint        not null default 0,
    search_vector   tsvector      not null default ''::tsvector,
    constraint kb_article_tenant_id_unique unique (tenant_id, id),
    constraint kb_article_category_fk foreign key (tenant_id, category_id) references cc.kb_category (tenant_id, id),
    constraint kb_article_translation_fk foreign key (tenant_id, translation_of)
        references cc.kb_article (tenant_id, id) on delete set null (translation_of),
    constraint kb_article_language check (language in ('en', 'ro', 'ru', 'cs', 'pl', 'uk', 'kk')),
    constraint kb_article_visibility check (visibility in ('INTERNAL', 'PUBLIC')),
    constraint kb_article_status check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    constraint kb_article_revision check (revision >= 1),
    constraint kb_article_body_size check (length(body) <= 2000000)
);
create index kb_article_search on cc.kb_article using gin (search_vector);

-- The search vector follows title, body and language whatever writes the row (a trigger rather than a
-- generated column, so that rows can be copied with all their columns). Title (A) weighs more than body
-- (B) in ts_rank; "<" goes, so that the text search parser reads no tag: it would skip everything after a
-- "<script>" shown in code.
create function cc.kb_article_search_vector() returns trigger
    language plpgsql
    set search_path = pg_catalog, cc
as $$
begin
    new.search_vector := setweight(to_tsvector(cc.kb_ts_config(new.language), replace(new.title, '<', ' ')), 'A')
        || setweight(to_tsvector(cc.kb_ts_config(new.language), replace(new.body, '<', ' ')), 'B');
    return new;
end
$$;
create trigger kb_article_search_vector before insert or update on cc.kb_article
    for each row execute function cc.kb_article_search_vector();
create index kb_article_category on cc.kb_article (tenant_id, category_id);
create index kb_article_updated on cc.kb_article (tenant_id, updated_at desc);
-- one article per language in a group of translations (the group is named by its original)
create unique index kb_article_translation_language on cc.kb_article
    (tenant_id, coalesce(translation_of, id), language);

-- Every revision of an article's title and body, with who wrote it and when (HD-03).
create table cc.kb_article_version (
    id          uuid primary key,
    tenant_id   uuid          not null,
    article_id  uuid          not null,
    revision    integer       not null,
    title       varchar(300)  not null,
    body        text          not null,
    edited_at   timestamptz   not null,
    edited_by   uuid,
    edited_by_name varchar(200),
    constraint kb_article_version_article_fk foreign key (tenant_id, article_id)
        references cc.kb_article (tenant_id, id) on delete cascade,
    constraint kb_article_version_unique unique (article_id, revision)
);
create index kb_article_version_tenant_article on cc.kb_article_version (tenant_id, article_id);

-- An article used to answer an interaction, once per (article, interaction): the FAQ report counts these (RPT-07).
create table cc.kb_article_use (
    id             uuid primary key,
    tenant_id      uuid        not null,
    article_id     uuid        not null,
    interaction_id uuid        not null,
    used_at        timestamptz not null,
    used_by        uuid,
    constraint kb_article_use_article_fk foreign key (tenant_id, article_id)
        references cc.kb_article (tenant_id, id) on delete cascade,
    constraint kb_article_use_once unique (article_id, interaction_id)
);
create index kb_article_use_period on cc.kb_article_use (tenant_id, used_at);

alter table cc.kb_category enable row level security;
alter table cc.kb_category force row level security;
create policy kb_category_tenant_isolation on cc.kb_category to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy kb_category_platform_access on cc.kb_category to ${platform_role} using (true) with check (true);

alter table cc.kb_article enable row level security;
alter table cc.kb_article force row level security;
create policy kb_article_tenant_isolation on cc.kb_article to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy kb_article_platform_access on cc.kb_article to ${platform_role} using (true) with check (true);

alter table cc.kb_article_version enable row level security;
alter table cc.kb_article_version force row level security;
create policy kb_article_version_tenant_isolation on cc.kb_article_version to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy kb_article_version_platform_access on cc.kb_article_version to ${platform_role} using (true) with check (true);

alter table cc.kb_article_use enable row level security;
alter table cc.kb_article_use force row level security;
create policy kb_article_use_tenant_isolation on cc.kb_article_use to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy kb_article_use_platform_access on cc.kb_article_use to ${platform_role} using (true) with check (true);

grant select, insert, update, delete on cc.kb_category, cc.kb_article, cc.kb_article_version, cc.kb_article_use
    to ${app_role}, ${platform_role};
