-- cc-core provisioning: carriers, the number inventory, tenant numbers, agent endpoints (TEL-02, TEL-04, TEN-02).
-- carrier and phone_number belong to the platform: only the platform role may touch them, and they have
-- no tenant_id column (phone_number names its tenant assigned_tenant_id), so they carry no tenant policy.
-- tenant_number and agent belong to a tenant and get the same row-level security as the tables of V1.

create table cc.carrier (
    id          uuid primary key,
    name        varchar(100)  not null,
    host        varchar(253)  not null,
    port        integer       not null,
    transport   varchar(3)    not null,
    username    varchar(100),
    -- Stored in clear on purpose: Asterisk must present it to the carrier (SIP digest authentication),
    -- so a hash would be useless. Only the platform role can read this table; the API never returns it.
    password    varchar(200),
    -- comma-separated, in preference order; the facade keeps them to alaw, ulaw, g722, opus
    codecs      varchar(100)  not null,
    -- comma-separated CIDRs whose source addresses identify this carrier's inbound calls
    match_cidrs varchar(2000) not null default '',
    enabled     boolean       not null default true,
    version     bigint        not null default 0,
    created_at  timestamptz   not null default now(),
    constraint carrier_name_unique unique (name),
    constraint carrier_port check (port between 1 and 65535),
    constraint carrier_transport check (transport in ('udp', 'tcp', 'tls'))
);

create table cc.phone_number (
    id                 uuid primary key,
    e164               varchar(16) not null,
    type               varchar(16) not null,
    carrier_id         uuid        not null,
    -- not "tenant_id": this is platform data about a tenant, not a row owned by one
    assigned_tenant_id uuid,
    version            bigint      not null default 0,
    constraint phone_number_e164_unique unique (e164),
    constraint phone_number_e164_format check (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    constraint phone_number_type check (type in ('FREEPHONE', 'MOBILE', 'GEOGRAPHIC')),
    constraint phone_number_carrier_fk foreign key (carrier_id) references cc.carrier (id)
);
create index phone_number_carrier on cc.phone_number (carrier_id);
create index phone_number_assigned_tenant on cc.phone_number (assigned_tenant_id, e164);

-- The tenant's view of an assigned number; written by the platform when it assigns, moves or
-- unassigns the number (same id as phone_number), changed by the tenant only in target and greeting.
create table cc.tenant_number (
    id        uuid primary key,
    tenant_id uuid        not null,
    e164      varchar(16) not null,
    type      varchar(16) not null,
    -- no check constraint: the routing engine and IVR add targets; the Java enum is the authority
    target    varchar(32) not null default 'AGENTS',
    greeting  varchar(500),
    version   bigint      not null default 0,
    constraint tenant_number_e164_unique unique (e164),
    constraint tenant_number_phone_number_fk foreign key (id) references cc.phone_number (id) on delete cascade
);
create index tenant_number_tenant on cc.tenant_number (tenant_id, e164);

create table cc.agent (
    id                 uuid primary key,
    tenant_id          uuid         not null,
    display_name       varchar(100) not null,
    -- the identity user (token subject) this agent is; tenant-service owns users, so no foreign key
    user_id            uuid,
    reach              varchar(16)  not null,
    mobile_e164        varchar(16),
    available          boolean      not null default false,
    -- the SIP user name of the agent's endpoint, "ag" + 10 random characters, created with the first credentials
    sip_username       varchar(32),
    -- md5(sip_username:linea:password), what Asterisk needs for digest authentication; never the password
    md5_credential     varchar(32),
    last_call_ended_at timestamptz,
    version            bigint       not null default 0,
    constraint agent_display_name_unique unique (tenant_id, display_name),
    constraint agent_user_unique unique (tenant_id, user_id),
    -- global: Asterisk endpoints of all tenants share one namespace
    constraint agent_sip_username_unique unique (sip_username),
    constraint agent_reach check (reach in ('ENDPOINT', 'MOBILE')),
    constraint agent_mobile_format check (mobile_e164 ~ '^\+[1-9][0-9]{6,14}$'),
    constraint agent_mobile_reach check (reach <> 'MOBILE' or mobile_e164 is not null),
    constraint agent_credential_username check (md5_credential is null or sip_username is not null)
);
-- agentsToRing: available agents of a tenant, longest idle first
create index agent_ring_order on cc.agent (tenant_id, last_call_ended_at nulls first, display_name)
    where available;

alter table cc.tenant_number enable row level security;
alter table cc.tenant_number force row level security;
create policy tenant_number_tenant_isolation on cc.tenant_number to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy tenant_number_platform_access on cc.tenant_number to ${platform_role} using (true) with check (true);

alter table cc.agent enable row level security;
alter table cc.agent force row level security;
create policy agent_tenant_isolation on cc.agent to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy agent_platform_access on cc.agent to ${platform_role} using (true) with check (true);

-- V1's default privileges gave the application role every new table: take back what it must not have.
revoke all on cc.carrier, cc.phone_number, cc.tenant_number from ${app_role};
grant select, insert, update, delete on cc.carrier, cc.phone_number, cc.tenant_number, cc.agent to ${platform_role};
-- A tenant changes only where its numbers go; the platform assigns, moves and removes them.
grant select, update (target, greeting, version) on cc.tenant_number to ${app_role};
grant select, insert, update, delete on cc.agent to ${app_role};
