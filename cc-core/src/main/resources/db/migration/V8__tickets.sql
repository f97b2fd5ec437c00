-- Help-desk tickets (HD-01) with SLA timers in business time and escalation, and the hand-off of a
-- ticket to the tenant's records system (HD-02). Every table belongs to a tenant and is protected by
-- forced row-level security like every other tenant table.

-- One row per tenant, created on the first change: the ticket calendar (none = around the clock), the
-- SLA targets per priority in business minutes, and where tickets are handed off to.
create table cc.ticket_settings (
    tenant_id                        uuid primary key,
    calendar_id                      uuid,
    low_first_response_minutes       integer       not null,
    low_resolution_minutes           integer       not null,
    normal_first_response_minutes    integer       not null,
    normal_resolution_minutes        integer       not null,
    high_first_response_minutes      integer       not null,
    high_resolution_minutes          integer       not null,
    urgent_first_response_minutes    integer       not null,
    urgent_resolution_minutes        integer       not null,
    handoff_url                      varchar(2000),
    handoff_header_name              varchar(100),
    -- a secret the records system checks; never returned by the API
    handoff_header_value             varchar(500),
    handoff_on_status                varchar(16),
    version                          bigint        not null default 0,
    constraint ticket_settings_calendar_fk foreign key (tenant_id, calendar_id) references cc.calendar (tenant_id, id),
    constraint ticket_settings_minutes check (least(low_first_response_minutes, low_resolution_minutes,
        normal_first_response_minutes, normal_resolution_minutes, high_first_response_minutes,
        high_resolution_minutes, urgent_first_response_minutes, urgent_resolution_minutes) >= 1),
    constraint ticket_settings_handoff_status check (handoff_on_status in ('PENDING', 'RESOLVED', 'CLOSED'))
);
create index ticket_settings_calendar on cc.ticket_settings (tenant_id, calendar_id);

-- Escalation rules: when a timer of a ticket reaches a point (business minutes after the start, before
-- or after its due time), raise its priority and/or call a webhook. Ids stay stable across edits so that
-- a rule that fired for a ticket never fires for it again.
create table cc.ticket_escalation_rule (
    id                uuid primary key,
    tenant_id         uuid          not null,
    position          integer       not null,
    name              varchar(100)  not null,
    timer             varchar(16)   not null,
    point             varchar(16)   not null,
    business_minutes  integer       not null,
    raise_priority_to varchar(8),
    webhook_url       varchar(2000),
    constraint ticket_escalation_rule_timer check (timer in ('FIRST_RESPONSE', 'RESOLUTION')),
    constraint ticket_escalation_rule_point check (point in ('AFTER_START', 'BEFORE_DUE', 'AFTER_DUE')),
    constraint ticket_escalation_rule_minutes check (business_minutes between 0 and 525600),
    constraint ticket_escalation_rule_priority check (raise_priority_to in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    constraint ticket_escalation_rule_action check (raise_priority_to is not null or webhook_url is not null)
);
create index ticket_escalation_rule_tenant on cc.ticket_escalation_rule (tenant_id, position);

-- The last ticket number of each tenant: numbers are per tenant and readable ("#1042").
create table cc.ticket_counter (
    tenant_id   uuid primary key,
    last_number bigint not null
);

create table cc.ticket (
    id                         uuid primary key,
    tenant_id                  uuid          not null,
    number                     bigint        not null,
    subject                    varchar(200)  not null,
    description                varchar(10000),
    status                     varchar(16)   not null,
    priority                   varchar(8)    not null,
    assignee_id                uuid,
    group_name                 varchar(100),
    -- the client card of the CRM module; it lands separately, so no foreign key
    client_id                  uuid,
    created_by                 uuid,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null,
    first_response_at          timestamptz,
    resolved_at                timestamptz,
    first_response_due         timestamptz,
    resolution_due             timestamptz,
    -- an agreed resolution date that replaces the computed one
    resolution_due_override    timestamptz,
    paused_since               timestamptz,
    -- business time the resolution timer spent paused (PENDING, RESOLVED before a reopen)
    paused_seconds             bigint        not null default 0,
    -- the earliest instant an escalation rule may come due: what the escalation job polls
    next_escalation_at         timestamptz,
    handoff_status             varchar(8),
    handoff_attempts           integer       not null default 0,
    handoff_last_error         varchar(500),
    handoff_reference          varchar(200),
    version                    bigint        not null default 0,
    constraint ticket_number_unique unique (tenant_id, number),
    constraint ticket_tenant_id_unique unique (tenant_id, id),
    constraint ticket_assignee_fk foreign key (tenant_id, assignee_id)
        references cc.agent (tenant_id, id) on delete set null (assignee_id),
    constraint ticket_status check (status in ('NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED')),
    constraint ticket_priority check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    constraint ticket_handoff_status check (handoff_status in ('PENDING', 'SENT', 'FAILED'))
);
create index ticket_tenant_created on cc.ticket (tenant_id, created_at desc);
create index ticket_tenant_status on cc.ticket (tenant_id, status);
create index ticket_assignee on cc.ticket (tenant_id, assignee_id);
create index ticket_next_escalation on cc.ticket (next_escalation_at) where next_escalation_at is not null;

-- Interactions (calls, chats) a ticket was created from or linked to; of the same tenant only.
create table cc.ticket_interaction (
    id             uuid primary key,
    tenant_id      uuid not null,
    ticket_id      uuid not null,
    interaction_id uuid not null,
    constraint ticket_interaction_ticket_fk foreign key (tenant_id, ticket_id)
        references cc.ticket (tenant_id, id) on delete cascade,
    constraint ticket_interaction_interaction_fk foreign key (tenant_id, interaction_id)
        references cc.interaction (tenant_id, id) on delete cascade,
    constraint ticket_interaction_unique unique (ticket_id, interaction_id)
);
create index ticket_interaction_interaction on cc.ticket_interaction (tenant_id, interaction_id);

create table cc.ticket_comment (
    id          uuid primary key,
    tenant_id   uuid           not null,
    ticket_id   uuid           not null,
    author_id   uuid,
    author_name varchar(200),
    text        varchar(10000) not null,
    internal    boolean        not null,
    created_at  timestamptz    not null,
    constraint ticket_comment_ticket_fk foreign key (tenant_id, ticket_id)
        references cc.ticket (tenant_id, id) on delete cascade
);
create index ticket_comment_ticket on cc.ticket_comment (tenant_id, ticket_id, created_at);

-- Who changed what and when, append-only; seq orders the events of one instant as they were recorded.
create table cc.ticket_event (
    id         uuid primary key,
    seq        bigint        generated by default as identity,
    tenant_id  uuid          not null,
    ticket_id  uuid          not null,
    at         timestamptz   not null,
    actor_id   uuid,
    actor_name varchar(200),
    type       varchar(32)   not null,
    detail     varchar(2000),
    constraint ticket_event_ticket_fk foreign key (tenant_id, ticket_id)
        references cc.ticket (tenant_id, id) on delete cascade
);
create index ticket_event_ticket on cc.ticket_event (tenant_id, ticket_id, seq);

-- One row per (ticket, rule) that fired: the unique key is what makes a rule fire once per ticket, even
-- with several cc-core instances running the job.
create table cc.ticket_escalation (
    id                 uuid primary key,
    tenant_id          uuid          not null,
    ticket_id          uuid          not null,
    rule_id            uuid          not null,
    rule_name          varchar(100)  not null,
    fired_at           timestamptz   not null,
    raised_priority_to varchar(8),
    webhook_url        varchar(2000),
    webhook_status     varchar(8),
    webhook_attempts   integer       not null default 0,
    webhook_last_error varchar(500),
    constraint ticket_escalation_ticket_fk foreign key (tenant_id, ticket_id)
        references cc.ticket (tenant_id, id) on delete cascade,
    constraint ticket_escalation_once unique (ticket_id, rule_id),
    constraint ticket_escalation_webhook_status check (webhook_status in ('PENDING', 'SENT', 'FAILED'))
);
create index ticket_escalation_ticket on cc.ticket_escalation (tenant_id, ticket_id, fired_at);

alter table cc.ticket_settings enable row level security;
alter table cc.ticket_settings force row level security;
create policy ticket_settings_tenant_isolation on cc.ticket_settings to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy ticket_settings_platform_access on cc.ticket_settings to ${platform_role} using (true) with check (true);

alter table cc.ticket_escalation_rule enable row level security;
alter table cc.ticket_escalation_rule force row level security;
create policy ticket_escalation_rule_tenant_isolation on cc.ticket_escalation_rule to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy ticket_escalation_rule_platform_access on cc.ticket_escalation_rule to ${platform_role} using (true) with check (true);

alter table cc.ticket_counter enable row level security;
alter table cc.ticket_counter force row level security;
create policy ticket_counter_tenant_isolation on cc.ticket_counter to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy ticket_counter_platform_access on cc.ticket_counter to ${platform_role} using (true) with check (true);

alter table cc.ticket enable row level security;
alter table cc.ticket force row level security;
create policy ticket_tenant_isolation on cc.ticket to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy ticket_platform_access on cc.ticket to ${platform_role} using (true) with check (true);

alter table cc.ticket_interaction enable row level security;
alter table cc.ticket_interaction force row level security;
create policy ticket_interaction_tenant_isolation on cc.ticket_interaction to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy ticket_interaction_platform_access on cc.ticket_interaction to ${platform_role} using (true) with check (true);

alter table cc.ticket_comment enable row level security;
alter table cc.ticket_comment force row level security;
create policy ticket_comment_tenant_isolation on cc.ticket_comment to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy ticket_comment_platform_access on cc.ticket_comment to ${platform_role} using (true) with check (true);

alter table cc.ticket_event enable row level security;
alter table cc.ticket_event force row level security;
create policy ticket_event_tenant_isolation on cc.ticket_event to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy ticket_event_platform_access on cc.ticket_event to ${platform_role} using (true) with check (true);

alter table cc.ticket_escalation enable row level security;
alter table cc.ticket_escalation force row level security;
create policy ticket_escalation_tenant_isolation on cc.ticket_escalation to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy ticket_escalation_platform_access on cc.ticket_escalation to ${platform_role} using (true) with check (true);

grant select, insert, update, delete on cc.ticket_settings, cc.ticket_escalation_rule, cc.ticket_counter, cc.ticket, cc.ticket_interaction, cc.ticket_comment, cc.ticket_event, cc.ticket_escalation
    to ${app_role}, ${platform_role};
