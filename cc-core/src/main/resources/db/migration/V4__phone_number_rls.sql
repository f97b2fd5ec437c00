-- The number inventory names the tenant a number is assigned to (assigned_tenant_id), so it gets
-- row-level security like every table that carries a tenant: the platform role sees every number;
-- the application role, which holds no grant on this table today, could only ever see the numbers
-- assigned to the tenant in scope. Tenants read their numbers from cc.tenant_number.
alter table cc.phone_number enable row level security;
alter table cc.phone_number force row level security;
create policy phone_number_tenant_isolation on cc.phone_number for select to ${app_role}
  using (assigned_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy phone_number_platform_access on cc.phone_number to ${platform_role} using (true) with check (true);
