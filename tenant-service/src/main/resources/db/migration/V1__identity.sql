-- Identity schema of tenant-service (TEN-03, TEN-04, TEN-05, SEC-01..03, ADM-01).
-- Platform-level tables (tenant, person, password_history, platform_audit_event, signing_key) have no
-- tenant_id; tenant-owned tables (membership, tenant_policy, audit_event) carry tenant_id and
-- row-level security. Flyway runs as the owner role; ${app_role} is the services' pool role.

grant usage on schema identity to ${app_role}, ${platform_role};

-- Client organisations ------------------------------------------------------------------------
create table identity.tenant (
    id               uuid        primary key,
    slug             text        not null,
    display_name     text        not null,
    default_language text        not null default 'en',
    time_zone        text        not null default 'UTC',
    status           text        not null default 'ACTIVE',
    suspended_reason text,
    suspended_at     timestamptz,
    created_at       timestamptz not null default now(),
    constraint tenant_slug_unique unique (slug),
    constraint tenant_slug_format check (slug ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
    constraint tenant_status_valid check (status in ('ACTIVE', 'SUSPENDED')),
    constraint tenant_display_name_length check (char_length(display_name) between 1 and 200)
);
grant select, insert, update on identity.tenant to ${app_role}, ${platform_role};

-- People: one identity per human, whatever the number of tenants they work for ---------------------
create table identity.person (
    id                  uuid        primary key,
    username            text        not null,
    display_name        text        not null,
    email               text,
    locale              text        not null default 'en',
    password_hash       text        not null,
    password_changed_at timestamptz not null default now(),
    failed_attempts     integer     not null default 0,
    locked_until        timestamptz,
    mfa_secret          text,
    mfa_enrolled_at     timestamptz,
    mfa_pending_secret  text,
    last_totp_step      bigint,
    platform_roles      text[]      not null default '{}',
    enabled             boolean     not null default true,
    last_login_at       timestamptz,
    created_at          timestamptz not null default now(),
    constraint person_username_unique unique (username),
    constraint person_username_lower check (username = lower(username)),
    constraint person_username_format check (username ~ '^[a-z0-9][a-z0-9._@-]{1,63}$')
);
grant select, insert, update on identity.person to ${app_role}, ${platform_role};

create table identity.password_history (
    id         bigserial   primary key,
    person_id  uuid        not null references identity.person (id) on delete cascade,
    hash       text        not null,
    created_at timestamptz not null default now()
);
create index password_history_person on identity.password_history (person_id, created_at desc);
grant select, insert, delete on identity.password_history to ${app_role}, ${platform_role};
grant usage on sequence identity.password_history_id_seq to ${app_role}, ${platform_role};

-- Audit of platform-level events (unknown users, people without memberships, platform admin work) -----
create table identity.platform_audit_event (
    id          uuid        primary key default gen_random_uuid(),
    occurred_at timestamptz not null default now(),
    type        text        not null,
    outcome     text        not null,
    actor_id    uuid,
    actor_name  text,
    tenant_id   uuid,
    source_ip   text,
    user_agent  text,
    details     jsonb       not null default '{}',
    constraint platform_audit_outcome_valid check (outcome in ('SUCCESS', 'FAILURE'))
);
create index platform_audit_event_time on identity.platform_audit_event (occurred_at desc);
-- Audit is append-only for the application: no update, no delete.
grant select, insert on identity.platform_audit_event to ${app_role}, ${platform_role};
-- Platform entries are visible in explicit platform scope only, never to a tenant-scoped transaction.
alter table identity.platform_audit_event enable row level security;
alter table identity.platform_audit_event force row level security;
create policy platform_audit_platform_only on identity.platform_audit_event to ${platform_role}
    using (true) with check (true);

-- Token signing keys (RS256), generated on first start so that tokens survive restarts -------------
create table identity.signing_key (
    kid         text        primary key,
    public_key  text        not null,
    private_key text        not null,
    active      boolean     not null default true,
    created_at  timestamptz not null default now()
);
grant select, insert on identity.signing_key to ${app_role}, ${platform_role};

-- Tenant-owned tables ------------------------------------------------------------------------------
create table identity.membership (
    id                uuid        primary key default gen_random_uuid(),
    tenant_id         uuid        not null references identity.tenant (id),
    person_id         uuid        not null references identity.person (id) on delete cascade,
    roles             text[]      not null default '{}',
    extra_permissions text[]      not null default '{}',
    enabled           boolean     not null default true,
    created_at        timestamptz not null default now(),
    constraint membership_tenant_person_unique unique (tenant_id, person_id)
);
create index membership_person on identity.membership (person_id);
grant select, insert, update, delete on identity.membership to ${app_role}, ${platform_role};

create table identity.tenant_policy (
    id                   uuid    primary key default gen_random_uuid(),
    tenant_id            uuid    not null references identity.tenant (id),
    min_length           integer not null default 10,
    require_upper        boolean not null default true,
    require_lower        boolean not null default true,
    require_digit        boolean not null default true,
    require_symbol       boolean not null default false,
    history_size         integer not null default 5,
    max_age_days         integer,
    lockout_threshold    integer not null default 5,
    lockout_minutes      integer not null default 15,
    mfa_mode             text    not null default 'OFF',
    trusted_networks     text[]  not null default '{}',
    audit_retention_days integer not null default 183,
    updated_at           timestamptz not null default now(),
    constraint tenant_policy_tenant_unique unique (tenant_id),
    constraint tenant_policy_mfa_mode_valid check (mfa_mode in ('OFF', 'ADMINS', 'ALL')),
    constraint tenant_policy_min_length check (min_length between 8 and 128),
    constraint tenant_policy_history check (history_size between 0 and 24),
    constraint tenant_policy_max_age check (max_age_days is null or max_age_days between 1 and 3650),
    constraint tenant_policy_lockout check (lockout_threshold between 3 and 100 and lockout_minutes between 1 and 1440),
    constraint tenant_policy_retention check (audit_retention_days between 183 and 3650)
);
grant select, insert, update on identity.tenant_policy to ${app_role}, ${platform_role};

create table identity.audit_event (
    id          uuid        primary key default gen_random_uuid(),
    tenant_id   uuid        not null references identity.tenant (id),
    occurred_at timestamptz not null default now(),
    type        text        not null,
    outcome     text        not null,
    actor_id    uuid,
    actor_name  text,
    source_ip   text,
    user_agent  text,
    details     jsonb       not null default '{}',
    constraint audit_outcome_valid check (outcome in ('SUCCESS', 'FAILURE'))
);
create index audit_event_tenant_time on identity.audit_event (tenant_id, occurred_at desc);
-- Audit is append-only for the application: no update, no delete (SEC-03).
grant select, insert on identity.audit_event to ${app_role}, ${platform_role};

-- Row-level security (TEN-01): the application role sees the rows of the tenant in app.tenant_id,
-- and nothing without it; platform-scope transactions switch to ${platform_role}, which sees all.
alter table identity.membership enable row level security;
alter table identity.membership force row level security;
create policy membership_tenant_isolation on identity.membership to ${app_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy membership_platform_access on identity.membership to ${platform_role} using (true) with check (true);

alter table identity.tenant_policy enable row level security;
alter table identity.tenant_policy force row level security;
create policy tenant_policy_tenant_isolation on identity.tenant_policy to ${app_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy tenant_policy_platform_access on identity.tenant_policy to ${platform_role} using (true) with check (true);

alter table identity.audit_event enable row level security;
alter table identity.audit_event force row level security;
create policy audit_event_tenant_isolation on identity.audit_event to ${app_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy audit_event_platform_access on identity.audit_event to ${platform_role} using (true) with check (true);

-- Audit retention (SEC-03): the only way audit rows are ever deleted. Runs with the owner's rights
-- (the application role has no delete grant); never keeps less than 183 days.
create function identity.purge_audit(platform_retention_days integer) returns bigint
    language plpgsql
    security definer
    set search_path = identity, pg_temp
as $$
declare
    removed bigint := 0;
    n       bigint;
begin
    delete from identity.audit_event e
     where e.occurred_at < now() - make_interval(days => greatest(183, coalesce(
               (select p.audit_retention_days from identity.tenant_policy p where p.tenant_id = e.tenant_id), 183)));
    get diagnostics n = row_count;
    removed := removed + n;
    delete from identity.platform_audit_event
     where occurred_at < now() - make_interval(days => greatest(183, coalesce(platform_retention_days, 183)));
    get diagnostics n = row_count;
    removed := removed + n;
    return removed;
end
$$;
revoke all on function identity.purge_audit(integer) from public;
grant execute on function identity.purge_audit(integer) to ${app_role}, ${platform_role};
-- The function runs as the owner, whom forced row-level security also binds: let the owner (the role
-- running this migration) read policies and purge audit rows of every tenant.
create policy audit_event_retention on identity.audit_event to current_user using (true) with check (true);
create policy platform_audit_retention on identity.platform_audit_event to current_user using (true) with check (true);
create policy tenant_policy_retention on identity.tenant_policy for select to current_user using (true);
