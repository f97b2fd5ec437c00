-- The client card (CRM-01 … CRM-04, AGT-04, AGT-05, AGT-12). A client has several phones and e-mails
-- (several clients may share one: CRM-04), tags, values of the tenant's own custom fields (jsonb,
-- checked by the application against cc.client_field) and versioned notes. Search is PostgreSQL full
-- text over a search document the application rebuilds on every write of the client or its notes;
-- its tsvector is a generated column with a GIN index (CRM-03). Everything here is personal data of
-- the tenant's customers (SEC-04): io.linea.cc.shared.PersonalDataRegistry lists the columns.

-- unaccent and pg_trgm ship with PostgreSQL (contrib) and are trusted extensions: the database owner
-- that runs the migrations may create them without being a superuser.
create extension if not exists unaccent with schema cc;
create extension if not exists pg_trgm with schema cc;

-- unaccent() is only STABLE (its dictionary could change); a generated column needs an IMMUTABLE
-- function, so the dictionary is named explicitly.
create function cc.crm_unaccent(text) returns text
    language sql immutable strict parallel safe
    as $$ select cc.unaccent('cc.unaccent'::regdictionary, $1) $$;

create table cc.client (
    id            uuid primary key,
    tenant_id     uuid          not null,
    first_name    varchar(100),
    last_name     varchar(100),
    organisation  varchar(200),
    external_id   varchar(100),
    language      varchar(8),
    tags          text[]        not null default '{}',
    custom        jsonb         not null default '{}',
    search_text   text          not null default '',
    search_vector tsvector      generated always as (to_tsvector('simple'::regconfig, cc.crm_unaccent(search_text))) stored,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null default 0,
    constraint client_tenant_id_unique unique (tenant_id, id),
    constraint client_external_id_unique unique (tenant_id, external_id),
    constraint client_name check (coalesce(first_name, last_name, organisation) is not null),
    constraint client_tags check (cardinality(tags) <= 20),
    constraint client_custom check (jsonb_typeof(custom) = 'object')
);
create index client_search on cc.client using gin (search_vector);
create index client_tags on cc.client using gin (tags);
create index client_sort_name on cc.client (tenant_id, lower(cc.crm_unaccent(coalesce(last_name, organisation, ''))),
    lower(cc.crm_unaccent(coalesce(first_name, ''))), id);
create index client_updated on cc.client (tenant_id, updated_at desc, id);

-- Numbers are stored E.164-normalised; caller identification is one index lookup (AGT-04).
create table cc.client_phone (
    id        uuid primary key,
    tenant_id uuid        not null,
    client_id uuid        not null,
    number    varchar(16) not null,
    label     varchar(40),
    position  integer     not null,
    constraint client_phone_client_fk foreign key (tenant_id, client_id)
        references cc.client (tenant_id, id) on delete cascade,
    constraint client_phone_format check (number ~ '^\+[1-9][0-9]{6,14}$')
);
create index client_phone_number on cc.client_phone (tenant_id, number);
-- partial numbers ("900 12") in the search box
create index client_phone_trigram on cc.client_phone using gin (number cc.gin_trgm_ops);
create index client_phone_client on cc.client_phone (client_id);

-- Addresses are stored in lower case; chat and e-mail identification is one index lookup (AGT-04).
create table cc.client_email (
    id        uuid primary key,
    tenant_id uuid         not null,
    client_id uuid         not null,
    address   varchar(254) not null,
    label     varchar(40),
    position  integer      not null,
    constraint client_email_client_fk foreign key (tenant_id, client_id)
        references cc.client (tenant_id, id) on delete cascade,
    constraint client_email_lower check (address = lower(address))
);
create index client_email_address on cc.client_email (tenant_id, address);
create index client_email_client on cc.client_email (client_id);

-- The tenant's own fields on the card (CRM-02): at most 50, keys unique per tenant.
create table cc.client_field (
    id        uuid primary key,
    tenant_id uuid         not null,
    key       varchar(40)  not null,
    label     varchar(100) not null,
    type      varchar(16)  not null,
    required  boolean      not null default false,
    options   text[]       not null default '{}',
    position  integer      not null default 0,
    version   bigint       not null default 0,
    constraint client_field_key_unique unique (tenant_id, key),
    constraint client_field_key_format check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    constraint client_field_type check (type in
        ('TEXT', 'NUMBER', 'DATE', 'SELECT', 'MULTI_SELECT', 'BOOLEAN', 'PHONE', 'EMAIL'))
);

-- One row per tenant: the link from a card to the client's record in the tenant's own system (AGT-12).
create table cc.crm_settings (
    tenant_id     uuid primary key,
    link_template varchar(500),
    version       bigint not null default 0
);

-- Notes are never lost (AGT-05): the note row holds the current text, client_note_version every
-- text it ever had, the first included, with who wrote it and when.
create table cc.client_note (
    id             uuid primary key,
    tenant_id      uuid          not null,
    client_id      uuid          not null,
    interaction_id uuid,
    text           varchar(10000) not null,
    created_at     timestamptz   not null,
    created_by     uuid          not null,
    created_by_name varchar(200),
    updated_at     timestamptz   not null,
    updated_by     uuid          not null,
    updated_by_name varchar(200),
    version        bigint        not null default 0,
    constraint client_note_tenant_id_unique unique (tenant_id, id),
    constraint client_note_client_fk foreign key (tenant_id, client_id)
        references cc.client (tenant_id, id) on delete cascade,
    constraint client_note_interaction_fk foreign key (tenant_id, interaction_id)
        references cc.interaction (tenant_id, id) on delete set null (interaction_id)
);
create index client_note_client on cc.client_note (tenant_id, client_id, created_at desc);
create index client_note_interaction on cc.client_note (tenant_id, interaction_id);

create table cc.client_note_version (
    id           uuid primary key,
    tenant_id    uuid          not null,
    note_id      uuid          not null,
    number       integer       not null,
    text         varchar(10000) not null,
    author_id    uuid          not null,
    author_name  varchar(200),
    written_at   timestamptz   not null,
    constraint client_note_version_note_fk foreign key (tenant_id, note_id)
        references cc.client_note (tenant_id, id) on delete cascade,
    constraint client_note_version_unique unique (note_id, number)
);

-- A client's history is the tenant's interactions with one of the client's numbers (CRM-01).
create index interaction_remote_number on cc.interaction (tenant_id, remote_number, started_at desc);

alter table cc.client enable row level security;
alter table cc.client force row level security;
create policy client_tenant_isolation on cc.client to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy client_platform_access on cc.client to ${platform_role} using (true) with check (true);

alter table cc.client_phone enable row level security;
alter table cc.client_phone force row level security;
create policy client_phone_tenant_isolation on cc.client_phone to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy client_phone_platform_access on cc.client_phone to ${platform_role} using (true) with check (true);

alter table cc.client_email enable row level security;
alter table cc.client_email force row level security;
create policy client_email_tenant_isolation on cc.client_email to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy client_email_platform_access on cc.client_email to ${platform_role} using (true) with check (true);

alter table cc.client_field enable row level security;
alter table cc.client_field force row level security;
create policy client_field_tenant_isolation on cc.client_field to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy client_field_platform_access on cc.client_field to ${platform_role} using (true) with check (true);

alter table cc.crm_settings enable row level security;
alter table cc.crm_settings force row level security;
create policy crm_settings_tenant_isolation on cc.crm_settings to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy crm_settings_platform_access on cc.crm_settings to ${platform_role} using (true) with check (true);

alter table cc.client_note enable row level security;
alter table cc.client_note force row level security;
create policy client_note_tenant_isolation on cc.client_note to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy client_note_platform_access on cc.client_note to ${platform_role} using (true) with check (true);

alter table cc.client_note_version enable row level security;
alter table cc.client_note_version force row level security;
create policy client_note_version_tenant_isolation on cc.client_note_version to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy client_note_version_platform_access on cc.client_note_version to ${platform_role}
  using (true) with check (true);

grant select, insert, update, delete on cc.client, cc.client_phone, cc.client_email, cc.client_field, cc.crm_settings
    to ${app_role}, ${platform_role};
-- a note's versions are its audit trail: written once, never changed (they go with the note or client)
grant select, insert, update, delete on cc.client_note to ${app_role}, ${platform_role};
grant select, insert, delete on cc.client_note_version to ${app_role}, ${platform_role};
grant execute on function cc.crm_unaccent(text) to ${app_role}, ${platform_role};
