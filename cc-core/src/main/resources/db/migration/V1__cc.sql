-- cc-core schema: tenant settings, working-hours calendars, queues (TEN-01, ADM-02).
-- Every table carries tenant_id and is protected by row-level security: the application role sees the
-- rows of the tenant in the per-transaction setting app.tenant_id (written by platform-core's
-- TenantAwareTransactionManager); platform-scope transactions switch to the platform role.

grant usage on schema cc to ${app_role}, ${platform_role};
alter default privileges in schema cc grant select, insert, update, delete on tables to ${app_role}, ${platform_role};
alter default privileges in schema cc grant usage, select on sequences to ${app_role}, ${platform_role};

create table cc.tenant_settings (
    tenant_id         uuid primary key,
    display_name      varchar(200) not null,
    time_zone         varchar(64)  not null,
    default_language  varchar(2)   not null,
    -- comma-separated language codes; the facade keeps it a subset of the supported ones
    enabled_languages varchar(64)  not null,
    constraint tenant_settings_default_enabled
        check (position(default_language in enabled_languages) > 0)
);

create table cc.calendar (
    id        uuid primary key,
    tenant_id uuid         not null,
    name      varchar(100) not null,
    time_zone varchar(64)  not null,
    version   bigint       not null default 0,
    constraint calendar_name_unique unique (tenant_id, name),
    -- target of the same-tenant foreign keys below
    constraint calendar_tenant_id_unique unique (tenant_id, id)
);

create table cc.calendar_hours (
    id          uuid primary key,
    calendar_id uuid        not null,
    tenant_id   uuid        not null,
    day_of_week varchar(9)  not null,
    opens       time        not null,
    closes      time        not null,
    constraint calendar_hours_calendar_fk foreign key (tenant_id, calendar_id)
        references cc.calendar (tenant_id, id) on delete cascade,
    constraint calendar_hours_day check (day_of_week in
        ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
    constraint calendar_hours_order check (opens < closes)
);
create index calendar_hours_calendar on cc.calendar_hours (tenant_id, calendar_id);

create table cc.calendar_holiday (
    id           uuid primary key,
    calendar_id  uuid         not null,
    tenant_id    uuid         not null,
    holiday_date date         not null,
    name         varchar(100) not null,
    constraint calendar_holiday_calendar_fk foreign key (tenant_id, calendar_id)
        references cc.calendar (tenant_id, id) on delete cascade,
    constraint calendar_holiday_date_unique unique (calendar_id, holiday_date)
);
create index calendar_holiday_tenant on cc.calendar_holiday (tenant_id, calendar_id);

create table cc.queue (
    id                    uuid primary key,
    tenant_id             uuid          not null,
    name                  varchar(100)  not null,
    description           varchar(1000),
    service_level_seconds integer       not null,
    enabled               boolean       not null default true,
    calendar_id           uuid,
    version               bigint        not null default 0,
    constraint queue_name_unique unique (tenant_id, name),
    constraint queue_service_level check (service_level_seconds between 1 and 3600),
    -- composite key: a queue can only point at a calendar of its own tenant
    constraint queue_calendar_fk foreign key (tenant_id, calendar_id)
        references cc.calendar (tenant_id, id)
);
create index queue_calendar on cc.queue (tenant_id, calendar_id);

alter table cc.tenant_settings enable row level security;
alter table cc.tenant_settings force row level security;
create policy tenant_settings_tenant_isolation on cc.tenant_settings to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy tenant_settings_platform_access on cc.tenant_settings to ${platform_role} using (true) with check (true);

alter table cc.calendar enable row level security;
alter table cc.calendar force row level security;
create policy calendar_tenant_isolation on cc.calendar to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy calendar_platform_access on cc.calendar to ${platform_role} using (true) with check (true);

alter table cc.calendar_hours enable row level security;
alter table cc.calendar_hours force row level security;
create policy calendar_hours_tenant_isolation on cc.calendar_hours to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy calendar_hours_platform_access on cc.calendar_hours to ${platform_role} using (true) with check (true);

alter table cc.calendar_holiday enable row level security;
alter table cc.calendar_holiday force row level security;
create policy calendar_holiday_tenant_isolation on cc.calendar_holiday to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy calendar_holiday_platform_access on cc.calendar_holiday to ${platform_role} using (true) with check (true);

alter table cc.queue enable row level security;
alter table cc.queue force row level security;
create policy queue_tenant_isolation on cc.queue to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy queue_platform_access on cc.queue to ${platform_role} using (true) with check (true);

grant select, insert, update, delete on cc.tenant_settings, cc.calendar, cc.calendar_hours,
    cc.calendar_holiday, cc.queue to ${app_role}, ${platform_role};
