-- The routing engine's configuration and state (ACD-01 … ACD-14, IVR-09, OPS-02).
-- Queues get their distribution, waiting and overflow rules; skills, queue members with their skill
-- levels and break reasons are tenant configuration. Waiting and handled interactions are written
-- through so that a restart restores the engine; presence is per person across tenants and so
-- belongs to no tenant. Callbacks, missed calls and voicemails form one work list per tenant.

alter table cc.agent add constraint agent_tenant_id_unique unique (tenant_id, id);
alter table cc.queue add constraint queue_tenant_id_unique unique (tenant_id, id);

alter table cc.queue
    add column strategy                  varchar(20)  not null default 'LONGEST_IDLE',
    add column priority                  integer      not null default 0,
    add column wrap_up_seconds           integer      not null default 30,
    add column ring_timeout_seconds      integer      not null default 20,
    add column max_wait_seconds          integer,
    add column max_length                integer      not null default 0,
    add column sticky_days               integer      not null default 0,
    add column sticky_wait_seconds       integer      not null default 10,
    add column skill_fallback_seconds    integer,
    add column self_login_allowed        boolean      not null default true,
    add column announce_position         boolean      not null default true,
    add column announce_wait             boolean      not null default true,
    add column announce_interval_seconds integer      not null default 60,
    add column callback_offer            boolean      not null default false,
    add column callback_preferred_time   boolean      not null default false,
    add column voicemail_option          boolean      not null default false,
    add constraint queue_strategy check (strategy in
        ('LONGEST_IDLE', 'LEAST_TALK_TIME', 'MOST_SKILLED', 'ROUND_ROBIN', 'RING_ALL')),
    add constraint queue_priority check (priority between 0 and 9),
    add constraint queue_wrap_up check (wrap_up_seconds between 0 and 3600),
    add constraint queue_ring_timeout check (ring_timeout_seconds between 5 and 120),
    add constraint queue_max_wait check (max_wait_seconds between 10 and 86400),
    add constraint queue_max_length check (max_length between 0 and 10000),
    add constraint queue_sticky check (sticky_days between 0 and 365 and sticky_wait_seconds between 0 and 300),
    add constraint queue_skill_fallback check (skill_fallback_seconds between 5 and 3600),
    add constraint queue_announce_interval check (announce_interval_seconds between 15 and 600);

-- A number can send its calls to a queue, with a priority for its callers (ACD-04: a VIP line).
alter table cc.tenant_number
    add column queue_id uuid,
    add column priority integer not null default 0,
    add constraint tenant_number_priority check (priority between 0 and 9),
    add constraint tenant_number_queue_fk foreign key (tenant_id, queue_id) references cc.queue (tenant_id, id),
    add constraint tenant_number_queue_target check (target <> 'QUEUE' or queue_id is not null);
create index tenant_number_queue on cc.tenant_number (tenant_id, queue_id);
grant update (queue_id, priority) on cc.tenant_number to ${app_role};

-- What happens to a caller the queue cannot serve (ACD-08, ACD-13): one action per condition.
create table cc.queue_overflow (
    id              uuid primary key,
    tenant_id       uuid         not null,
    queue_id        uuid         not null,
    condition       varchar(16)  not null,
    action          varchar(16)  not null,
    target_queue_id uuid,
    target_agent_id uuid,
    number          varchar(16),
    message         varchar(500),
    constraint queue_overflow_queue_fk foreign key (tenant_id, queue_id)
        references cc.queue (tenant_id, id) on delete cascade,
    -- a queue or agent that is an overflow target cannot be deleted while it is one
    constraint queue_overflow_target_queue_fk foreign key (tenant_id, target_queue_id)
        references cc.queue (tenant_id, id),
    constraint queue_overflow_target_agent_fk foreign key (tenant_id, target_agent_id)
        references cc.agent (tenant_id, id),
    constraint queue_overflow_condition_unique unique (queue_id, condition),
    constraint queue_overflow_condition check (condition in ('CLOSED', 'TIMEOUT', 'FULL', 'NO_AGENTS')),
    constraint queue_overflow_action check (action in
        ('VOICEMAIL', 'QUEUE', 'AGENT', 'NUMBER', 'ANNOUNCE_HANGUP', 'CALLBACK_OFFER')),
    constraint queue_overflow_number_format check (number ~ '^\+[1-9][0-9]{6,14}$')
);
create index queue_overflow_queue on cc.queue_overflow (tenant_id, queue_id);
create index queue_overflow_target_queue on cc.queue_overflow (tenant_id, target_queue_id);
create index queue_overflow_target_agent on cc.queue_overflow (tenant_id, target_agent_id);

create table cc.skill (
    id          uuid primary key,
    tenant_id   uuid         not null,
    name        varchar(100) not null,
    description varchar(500),
    version     bigint       not null default 0,
    constraint skill_name_unique unique (tenant_id, name),
    constraint skill_tenant_id_unique unique (tenant_id, id)
);

-- An agent's membership of a queue, with their skill levels there (ACD-03) and whether they are
-- logged in to it now (ACD-11).
create table cc.queue_member (
    id        uuid primary key,
    tenant_id uuid    not null,
    queue_id  uuid    not null,
    agent_id  uuid    not null,
    logged_in boolean not null default false,
    constraint queue_member_queue_fk foreign key (tenant_id, queue_id)
        references cc.queue (tenant_id, id) on delete cascade,
    constraint queue_member_agent_fk foreign key (tenant_id, agent_id)
        references cc.agent (tenant_id, id) on delete cascade,
    constraint queue_member_unique unique (queue_id, agent_id),
    constraint queue_member_tenant_id_unique unique (tenant_id, id)
);
create index queue_member_agent on cc.queue_member (tenant_id, agent_id);

create table cc.queue_member_skill (
    id        uuid primary key,
    tenant_id uuid    not null,
    member_id uuid    not null,
    skill_id  uuid    not null,
    level     integer not null,
    constraint queue_member_skill_member_fk foreign key (tenant_id, member_id)
        references cc.queue_member (tenant_id, id) on delete cascade,
    constraint queue_member_skill_skill_fk foreign key (tenant_id, skill_id)
        references cc.skill (tenant_id, id),
    constraint queue_member_skill_unique unique (member_id, skill_id),
    constraint queue_member_skill_level check (level between 1 and 5)
);
create index queue_member_skill_skill on cc.queue_member_skill (tenant_id, skill_id);

create table cc.break_reason (
    id          uuid primary key,
    tenant_id   uuid         not null,
    name        varchar(100) not null,
    paid        boolean      not null default false,
    max_minutes integer,
    enabled     boolean      not null default true,
    version     bigint       not null default 0,
    constraint break_reason_name_unique unique (tenant_id, name),
    constraint break_reason_max_minutes check (max_minutes between 1 and 480)
);

-- Presence is per person across all their tenants (ACD-05, TEN-03): keyed by the user, no tenant.
create table cc.agent_presence (
    person_id  uuid primary key,
    state      varchar(16)  not null,
    reason     varchar(100),
    since      timestamptz  not null,
    changed_by uuid,
    constraint agent_presence_state check (state in ('LOGGED_OUT', 'AVAILABLE', 'BREAK'))
);

-- Interactions the engine holds, written through for recovery (DESIGN: state in memory, recovered
-- from PostgreSQL). A row lives from enqueue until the interaction leaves the engine.
create table cc.routing_task (
    interaction_id uuid primary key,
    tenant_id      uuid         not null,
    queue_id       uuid         not null,
    medium         varchar(8)   not null,
    priority       integer      not null,
    -- "skillId:minLevel" in order of importance, comma-separated
    skills         varchar(2000) not null default '',
    enqueued_at    timestamptz  not null,
    preferred_person uuid,
    callback       boolean      not null default false,
    person_id      uuid,
    accepted_at    timestamptz,
    -- where the medium's owner finds the interaction again after a restart (for a call: node and channels)
    handle         varchar(300),
    constraint routing_task_queue_fk foreign key (tenant_id, queue_id)
        references cc.queue (tenant_id, id) on delete cascade
);
create index routing_task_queue on cc.routing_task (tenant_id, queue_id, enqueued_at);

-- One work list per tenant (ACD-10, ACD-14, IVR-09): nothing leaves it without a recorded outcome.
create table cc.callback (
    id              uuid primary key,
    tenant_id       uuid          not null,
    kind            varchar(16)   not null,
    status          varchar(16)   not null,
    number          varchar(64),
    queue_id        uuid,
    interaction_id  uuid,
    created_at      timestamptz   not null,
    preferred_at    timestamptz,
    attempts        integer       not null default 0,
    last_attempt_at timestamptz,
    outcome         varchar(16),
    note            varchar(1000),
    done_at         timestamptz,
    done_by         uuid,
    done_by_name    varchar(200),
    voicemail_id    uuid,
    version         bigint        not null default 0,
    constraint callback_queue_fk foreign key (tenant_id, queue_id)
        references cc.queue (tenant_id, id) on delete set null (queue_id),
    constraint callback_kind check (kind in ('CALLBACK', 'MISSED', 'VOICEMAIL')),
    constraint callback_status check (status in ('OPEN', 'SCHEDULED', 'IN_PROGRESS', 'DONE')),
    constraint callback_outcome check (outcome in ('REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'NOT_NEEDED', 'DUPLICATE')),
    constraint callback_done check ((status = 'DONE') = (outcome is not null and done_at is not null))
);
create index callback_open on cc.callback (tenant_id, status, created_at);
create index callback_due on cc.callback (preferred_at) where status = 'SCHEDULED';

-- Voicemail audio lives in the blob store, encrypted with the tenant's key; this row finds it.
create table cc.voicemail (
    id             uuid primary key,
    tenant_id      uuid         not null,
    interaction_id uuid,
    caller         varchar(64),
    queue_id       uuid,
    recorded_at    timestamptz  not null,
    duration_ms    bigint       not null,
    size_bytes     bigint       not null,
    blob_key       varchar(300) not null,
    constraint voicemail_tenant_id_unique unique (tenant_id, id)
);
create index voicemail_tenant on cc.voicemail (tenant_id, recorded_at desc);

alter table cc.callback add constraint callback_voicemail_fk foreign key (tenant_id, voicemail_id)
    references cc.voicemail (tenant_id, id);

alter table cc.queue_overflow enable row level security;
alter table cc.queue_overflow force row level security;
create policy queue_overflow_tenant_isolation on cc.queue_overflow to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy queue_overflow_platform_access on cc.queue_overflow to ${platform_role} using (true) with check (true);

alter table cc.skill enable row level security;
alter table cc.skill force row level security;
create policy skill_tenant_isolation on cc.skill to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy skill_platform_access on cc.skill to ${platform_role} using (true) with check (true);

alter table cc.queue_member enable row level security;
alter table cc.queue_member force row level security;
create policy queue_member_tenant_isolation on cc.queue_member to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy queue_member_platform_access on cc.queue_member to ${platform_role} using (true) with check (true);

alter table cc.queue_member_skill enable row level security;
alter table cc.queue_member_skill force row level security;
create policy queue_member_skill_tenant_isolation on cc.queue_member_skill to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy queue_member_skill_platform_access on cc.queue_member_skill to ${platform_role} using (true) with check (true);

alter table cc.break_reason enable row level security;
alter table cc.break_reason force row level security;
create policy break_reason_tenant_isolation on cc.break_reason to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy break_reason_platform_access on cc.break_reason to ${platform_role} using (true) with check (true);

alter table cc.routing_task enable row level security;
alter table cc.routing_task force row level security;
create policy routing_task_tenant_isolation on cc.routing_task to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy routing_task_platform_access on cc.routing_task to ${platform_role} using (true) with check (true);

alter table cc.callback enable row level security;
alter table cc.callback force row level security;
create policy callback_tenant_isolation on cc.callback to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy callback_platform_access on cc.callback to ${platform_role} using (true) with check (true);

alter table cc.voicemail enable row level security;
alter table cc.voicemail force row level security;
create policy voicemail_tenant_isolation on cc.voicemail to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy voicemail_platform_access on cc.voicemail to ${platform_role} using (true) with check (true);

grant select, insert, update, delete on cc.queue_overflow, cc.skill, cc.queue_member, cc.queue_member_skill, cc.break_reason, cc.routing_task, cc.callback, cc.voicemail
    to ${app_role}, ${platform_role};

-- presence belongs to no tenant: only platform scope reads or writes it
revoke all on cc.agent_presence from ${app_role};
grant select, insert, update, delete on cc.agent_presence to ${platform_role};
