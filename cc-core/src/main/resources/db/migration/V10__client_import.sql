-- Bulk import of clients and the integration API (CRM-05, SEC-04). An import job counts what it did
-- per batch, so that its progress can be polled; the rows it refused are kept with their line, reason
-- and original values for the rejected-rows report, which expires after 7 days (personal data: see
-- io.linea.cc.crm.CrmPersonalData). Saved column mappings are reused by later imports and campaign
-- lists. API credentials are stored as a peppered hash only, found by their public prefix; every
-- create and revoke is written to api_credential_event.

create table cc.client_import (
    id                uuid primary key,
    tenant_id         uuid          not null,
    status            varchar(16)   not null,
    source            varchar(16)   not null,
    file_name         varchar(255)  not null,
    format            varchar(8)    not null,
    mapping           jsonb         not null,
    total             bigint,
    processed         bigint        not null default 0,
    created           bigint        not null default 0,
    updated           bigint        not null default 0,
    unchanged         bigint        not null default 0,
    rejected          bigint        not null default 0,
    failure_code      varchar(100),
    requested_by      uuid,
    created_at        timestamptz   not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    report_expires_at timestamptz   not null,
    constraint client_import_tenant_id_unique unique (tenant_id, id),
    constraint client_import_status check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    constraint client_import_source check (source in ('UI', 'API')),
    constraint client_import_format check (format in ('CSV', 'XLSX'))
);
create index client_import_created on cc.client_import (tenant_id, created_at desc, id);

create table cc.client_import_rejection (
    id        uuid primary key,
    tenant_id uuid         not null,
    import_id uuid         not null,
    line      bigint       not null,
    code      varchar(100) not null,
    field     varchar(100),
    args      jsonb        not null default '[]',
    raw       text         not null,
    constraint client_import_rejection_import_fk foreign key (tenant_id, import_id)
        references cc.client_import (tenant_id, id) on delete cascade
);
create index client_import_rejection_line on cc.client_import_rejection (import_id, line);

create table cc.client_import_mapping (
    id         uuid primary key,
    tenant_id  uuid          not null,
    name       varchar(100)  not null,
    mapping    jsonb         not null,
    created_at timestamptz   not null,
    updated_at timestamptz   not null,
    version    bigint        not null default 0,
    constraint client_import_mapping_name_unique unique (tenant_id, name)
);

create table cc.api_credential (
    id           uuid primary key,
    tenant_id    uuid          not null,
    name         varchar(100)  not null,
    prefix       varchar(16)   not null,
    secret_hash  bytea         not null,
    scopes       text[]        not null,
    created_at   timestamptz   not null,
    created_by   uuid          not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   uuid,
    constraint api_credential_prefix_unique unique (prefix),
    constraint api_credential_tenant_id_unique unique (tenant_id, id)
);
create index api_credential_tenant on cc.api_credential (tenant_id, created_at desc);

create table cc.api_credential_event (
    id            uuid primary key,
    tenant_id     uuid         not null,
    credential_id uuid         not null,
    action        varchar(16)  not null,
    actor_id      uuid         not null,
    actor_name    varchar(200),
    at            timestamptz  not null,
    constraint api_credential_event_action check (action in ('CREATED', 'REVOKED'))
);

alter table cc.client_import enable row level security;
alter table cc.client_import force row level security;
create policy client_import_tenant_isolation on cc.client_import to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy client_import_platform_access on cc.client_import to ${platform_role} using (true) with check (true);

alter table cc.client_import_rejection enable row level security;
alter table cc.client_import_rejection force row level security;
create policy client_import_rejection_tenant_isolation on cc.client_import_rejection to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy client_import_rejection_platform_access on cc.client_import_rejection to ${platform_role}
  using (true) with check (true);

alter table cc.client_import_mapping enable row level security;
alter table cc.client_import_mapping force row level security;
create policy client_import_mapping_tenant_isolation on cc.client_import_mapping to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy client_import_mapping_platform_access on cc.client_import_mapping to ${platform_role}
  using (true) with check (true);

-- a key is looked up by its prefix before its tenant is known: that one read runs in platform scope
alter table cc.api_credential enable row level security;
alter table cc.api_credential force row level security;
create policy api_credential_tenant_isolation on cc.api_credential to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy api_credential_platform_access on cc.api_credential to ${platform_role} using (true) with check (true);

alter table cc.api_credential_event enable row level security;
alter table cc.api_credential_event force row level security;
create policy api_credential_event_tenant_isolation on cc.api_credential_event to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy api_credential_event_platform_access on cc.api_credential_event to ${platform_role}
  using (true) with check (true);

grant select, insert, update, delete on cc.client_import, cc.client_import_rejection, cc.client_import_mapping,
    cc.api_credential to ${app_role}, ${platform_role};
-- the audit trail of credentials is written once; it goes only with the tenant
grant select, insert on cc.api_credential_event to ${app_role}, ${platform_role};
