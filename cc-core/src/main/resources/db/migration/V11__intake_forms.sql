-- Intake forms (CRM-02, CRM-06) and categories (dispositions) of interactions (AGT-05, RPT-07).
--
-- A form's fields are a jsonb array on the form; every saved definition is also kept as a numbered
-- version, and an answer names the version it was filled on, so old answers stay readable with the
-- fields they were given for, whatever the form becomes. An answer's values are jsonb checked by the
-- application against that version; every set of values it had is kept with its author and time.
--
-- Categories are a tenant's tree of dispositions. The categories an interaction carries now are rows of
-- interaction_category (what reports count); every change is kept in interaction_category_change with
-- who, when, and the categories before and after, by id and by the name they had then. The change is
-- also appended to the interaction's event log as a CATEGORIZED event.
--
-- Answers and change notes are personal data of the tenant's customers, authors are staff (SEC-04):
-- io.linea.cc.shared.PersonalDataRegistry lists the columns.

create table cc.intake_form (
    id           uuid primary key,
    tenant_id    uuid          not null,
    name         varchar(200)  not null,
    description  varchar(2000),
    active       boolean       not null default true,
    fields       jsonb         not null,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    version      bigint        not null default 0,
    constraint intake_form_tenant_id_unique unique (tenant_id, id),
    constraint intake_form_name_unique unique (tenant_id, name),
    constraint intake_form_fields check (jsonb_typeof(fields) = 'array')
);

-- number is the form's version when the definition was saved; written once, never changed.
create table cc.intake_form_version (
    id              uuid primary key,
    tenant_id       uuid          not null,
    form_id         uuid          not null,
    number          bigint        not null,
    name            varchar(200)  not null,
    fields          jsonb         not null,
    created_at      timestamptz   not null,
    created_by      uuid,
    created_by_name varchar(200),
    constraint intake_form_version_form_fk foreign key (tenant_id, form_id)
        references cc.intake_form (tenant_id, id) on delete cascade,
    constraint intake_form_version_unique unique (tenant_id, form_id, number),
    constraint intake_form_version_fields check (jsonb_typeof(fields) = 'array')
);

-- A form that has answers cannot be deleted: its versions are referenced here (deactivate it instead).
-- Erasing a client card erases the answers linked to it; deleting an interaction deletes its answers.
create table cc.form_answer (
    id              uuid primary key,
    tenant_id       uuid          not null,
    form_id         uuid          not null,
    form_version    bigint        not null,
    interaction_id  uuid          not null,
    client_id       uuid,
    field_values    jsonb         not null,
    created_at      timestamptz   not null,
    created_by      uuid          not null,
    created_by_name varchar(200),
    updated_at      timestamptz   not null,
    updated_by      uuid          not null,
    updated_by_name varchar(200),
    version         bigint        not null default 0,
    constraint form_answer_tenant_id_unique unique (tenant_id, id),
    constraint form_answer_form_version_fk foreign key (tenant_id, form_id, form_version)
        references cc.intake_form_version (tenant_id, form_id, number),
    constraint form_answer_interaction_fk foreign key (tenant_id, interaction_id)
        references cc.interaction (tenant_id, id) on delete cascade,
    constraint form_answer_client_fk foreign key (tenant_id, client_id)
        references cc.client (tenant_id, id) on delete cascade,
    constraint form_answer_values check (jsonb_typeof(field_values) = 'object')
);
create index form_answer_created on cc.form_answer (tenant_id, created_at desc, id);
create index form_answer_author on cc.form_answer (tenant_id, created_by, created_at desc);
create index form_answer_interaction on cc.form_answer (tenant_id, interaction_id);
create index form_answer_client on cc.form_answer (tenant_id, client_id);
create index form_answer_form on cc.form_answer (tenant_id, form_id, form_version);

-- Every set of values an answer had, the first included (CRM-06: an edit keeps the earlier values).
create table cc.form_answer_version (
    id            uuid primary key,
    tenant_id     uuid          not null,
    answer_id     uuid          not null,
    number        integer       not null,
    field_values  jsonb         not null,
    author_id     uuid          not null,
    author_name   varchar(200),
    written_at    timestamptz   not null,
    constraint form_answer_version_answer_fk foreign key (tenant_id, answer_id)
        references cc.form_answer (tenant_id, id) on delete cascade,
    constraint form_answer_version_unique unique (answer_id, number),
    constraint form_answer_version_values check (jsonb_typeof(field_values) = 'object')
);
create index form_answer_version_answer on cc.form_answer_version (tenant_id, answer_id, number);

create table cc.category (
    id         uuid primary key,
    tenant_id  uuid          not null,
    name       varchar(200)  not null,
    parent_id  uuid,
    active     boolean       not null default true,
    position   integer       not null default 0,
    version    bigint        not null default 0,
    constraint category_tenant_id_unique unique (tenant_id, id),
    constraint category_parent_fk foreign key (tenant_id, parent_id) references cc.category (tenant_id, id),
    constraint category_name_unique unique nulls not distinct (tenant_id, parent_id, name),
    constraint category_position check (position between 0 and 100000)
);
create index category_parent on cc.category (tenant_id, parent_id);

-- The categories an interaction carries now; a category in use here cannot be deleted.
create table cc.interaction_category (
    id              uuid primary key,
    tenant_id       uuid          not null,
    interaction_id  uuid          not null,
    category_id     uuid          not null,
    set_at          timestamptz   not null,
    constraint interaction_category_interaction_fk foreign key (tenant_id, interaction_id)
        references cc.interaction (tenant_id, id) on delete cascade,
    constraint interaction_category_category_fk foreign key (tenant_id, category_id)
        references cc.category (tenant_id, id),
    constraint interaction_category_unique unique (interaction_id, category_id)
);
create index interaction_category_category on cc.interaction_category (tenant_id, category_id);
create index interaction_category_interaction on cc.interaction_category (tenant_id, interaction_id);

-- The audit of category changes, append-only; seq orders the changes of one instant as they were made.
-- Names are kept as they were then, so the history reads the same after a category is renamed or deleted.
create table cc.interaction_category_change (
    id              uuid primary key,
    seq             bigint        generated by default as identity,
    tenant_id       uuid          not null,
    interaction_id  uuid          not null,
    changed_at      timestamptz   not null,
    changed_by      uuid          not null,
    changed_by_name varchar(200),
    before_ids      uuid[]        not null,
    before_names    text[]        not null,
    after_ids       uuid[]        not null,
    after_names     text[]        not null,
    note            varchar(2000),
    constraint interaction_category_change_interaction_fk foreign key (tenant_id, interaction_id)
        references cc.interaction (tenant_id, id) on delete cascade,
    constraint interaction_category_change_names check (cardinality(before_ids) = cardinality(before_names)
        and cardinality(after_ids) = cardinality(after_names))
);
create index interaction_category_change_interaction on cc.interaction_category_change (tenant_id, interaction_id, seq);

alter table cc.intake_form enable row level security;
alter table cc.intake_form force row level security;
create policy intake_form_tenant_isolation on cc.intake_form to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy intake_form_platform_access on cc.intake_form to ${platform_role} using (true) with check (true);

alter table cc.intake_form_version enable row level security;
alter table cc.intake_form_version force row level security;
create policy intake_form_version_tenant_isolation on cc.intake_form_version to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy intake_form_version_platform_access on cc.intake_form_version to ${platform_role}
  using (true) with check (true);

alter table cc.form_answer enable row level security;
alter table cc.form_answer force row level security;
create policy form_answer_tenant_isolation on cc.form_answer to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy form_answer_platform_access on cc.form_answer to ${platform_role} using (true) with check (true);

alter table cc.form_answer_version enable row level security;
alter table cc.form_answer_version force row level security;
create policy form_answer_version_tenant_isolation on cc.form_answer_version to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy form_answer_version_platform_access on cc.form_answer_version to ${platform_role}
  using (true) with check (true);

alter table cc.category enable row level security;
alter table cc.category force row level security;
create policy category_tenant_isolation on cc.category to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy category_platform_access on cc.category to ${platform_role} using (true) with check (true);

alter table cc.interaction_category enable row level security;
alter table cc.interaction_category force row level security;
create policy interaction_category_tenant_isolation on cc.interaction_category to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy interaction_category_platform_access on cc.interaction_category to ${platform_role}
  using (true) with check (true);

alter table cc.interaction_category_change enable row level security;
alter table cc.interaction_category_change force row level security;
create policy interaction_category_change_tenant_isolation on cc.interaction_category_change to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy interaction_category_change_platform_access on cc.interaction_category_change to ${platform_role}
  using (true) with check (true);

grant select, insert, update, delete on cc.intake_form, cc.form_answer, cc.category, cc.interaction_category
    to ${app_role}, ${platform_role};
-- Versions and the category audit are written once, never changed (they go with their form, answer or
-- interaction). V1's default privileges granted update on every new table: take it back.
revoke update on cc.intake_form_version, cc.form_answer_version, cc.interaction_category_change
    from ${app_role}, ${platform_role};
grant select, insert, delete on cc.intake_form_version, cc.form_answer_version, cc.interaction_category_change
    to ${app_role}, ${platform_role};
