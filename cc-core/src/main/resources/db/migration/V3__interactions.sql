-- Interactions and their events (TEL-01, TEL-05). Every step of a call is an event with a
-- timestamp; ring and talk durations are derived from them and kept on the interaction for lists.
-- The platform-level operational event log records what belongs to no tenant (unknown numbers,
-- node connections).

create table cc.interaction (
    id              uuid primary key,
    tenant_id       uuid         not null,
    medium          varchar(16)  not null default 'VOICE',
    direction       varchar(16)  not null,
    state           varchar(16)  not null,
    tenant_number   varchar(16)  not null,
    remote_number   varchar(64),
    agent_id        uuid,
    agent_name      varchar(200),
    node            varchar(64),
    started_at      timestamptz  not null,
    answered_at     timestamptz,
    ended_at        timestamptz,
    ring_ms         bigint,
    talk_ms         bigint,
    end_reason      varchar(32),
    abandon_stage   varchar(16),
    constraint interaction_direction check (direction in ('INBOUND', 'OUTBOUND')),
    constraint interaction_state check (state in
        ('OFFERED', 'RINGING', 'ANSWERED', 'ENDED', 'ABANDONED', 'REJECTED', 'FAILED')),
    constraint interaction_abandon_stage check (abandon_stage in ('GREETING', 'WAITING', 'RINGING')),
    constraint interaction_tenant_id_unique unique (tenant_id, id)
);
create index interaction_tenant_started on cc.interaction (tenant_id, started_at desc);

create table cc.interaction_event (
    id              uuid primary key,
    tenant_id       uuid         not null,
    interaction_id  uuid         not null,
    type            varchar(24)  not null,
    at              timestamptz  not null,
    agent_id        uuid,
    agent_name      varchar(200),
    detail          varchar(500),
    constraint interaction_event_interaction_fk foreign key (tenant_id, interaction_id)
        references cc.interaction (tenant_id, id) on delete cascade
);
create index interaction_event_interaction on cc.interaction_event (tenant_id, interaction_id, at);

create table cc.operational_event (
    id       uuid primary key,
    at       timestamptz  not null,
    kind     varchar(32)  not null,
    node     varchar(64),
    detail   varchar(1000) not null
);
create index operational_event_at on cc.operational_event (at desc);

alter table cc.interaction enable row level security;
alter table cc.interaction force row level security;
create policy interaction_tenant_isolation on cc.interaction to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy interaction_platform_access on cc.interaction to ${platform_role} using (true) with check (true);

alter table cc.interaction_event enable row level security;
alter table cc.interaction_event force row level security;
create policy interaction_event_tenant_isolation on cc.interaction_event to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy interaction_event_platform_access on cc.interaction_event to ${platform_role}
  using (true) with check (true);

grant select, insert, update, delete on cc.interaction, cc.interaction_event to ${app_role}, ${platform_role};
-- operational events belong to no tenant: only platform scope reads or writes them
revoke all on cc.operational_event from ${app_role};
grant select, insert, delete on cc.operational_event to ${platform_role};
