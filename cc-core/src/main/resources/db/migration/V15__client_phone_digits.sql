-- Digits typed from the middle of a phone number ("612 345" of +37361234567) in client search (CRM-03).
--
-- The trigram index of the numbers cannot answer them under row-level security: PostgreSQL only lets
-- leakproof conditions into an index scan ahead of the policy's tenant check, and LIKE is not leakproof,
-- so the search read every number of the tenant. cc.client_phone_digits holds each number's tails (its
-- digits from the third on, each tail at least three digits long) in a B-tree: digits anywhere in a
-- number start one of its tails, one range of the index, compared with leakproof text operators. The
-- number's own start is already a word of the card (cc.client_word). Statement triggers keep the tails in
-- step with every write of a number; the trigram index goes.

drop index cc.client_phone_trigram;

create table cc.client_phone_digits (
    tenant_id uuid not null,
    tail      text collate "C" not null,
    phone_id  uuid not null
);
create index client_phone_digits_tail on cc.client_phone_digits (tenant_id, tail, phone_id);

create function cc.client_phone_digits_inserted() returns trigger
    language plpgsql
    as $$
begin
    insert into cc.client_phone_digits (tenant_id, tail, phone_id)
    select n.tenant_id, substr(n.number, k), n.id from new_phones n, generate_series(3, length(n.number) - 2) k;
    return null;
end
$$;

create function cc.client_phone_digits_updated() returns trigger
    language plpgsql
    as $$
begin
    execute 'with gone as materialized (
               select o.tenant_id, o.id, substr(o.number, k) as tail
               from new_phones n join old_phones o on o.id = n.id, generate_series(3, length(o.number) - 2) k
               where n.number <> o.number)
             delete from cc.client_phone_digits d using gone g
             where d.tenant_id = g.tenant_id and d.tail = g.tail and d.phone_id = g.id';
    insert into cc.client_phone_digits (tenant_id, tail, phone_id)
    select n.tenant_id, substr(n.number, k), n.id
    from new_phones n join old_phones o on o.id = n.id, generate_series(3, length(n.number) - 2) k
    where n.number <> o.number;
    return null;
end
$$;

-- planned afresh every time (EXECUTE), as a plan cached while the table was small could scan it whole
create function cc.client_phone_digits_deleted() returns trigger
    language plpgsql
    as $$
begin
    -- the tails first, then each row by its whole key (joined inline, the scan used the phone id alone)
    execute 'with gone as materialized (
               select o.tenant_id, o.id, substr(o.number, k) as tail
               from old_phones o, generate_series(3, length(o.number) - 2) k)
             delete from cc.client_phone_digits d using gone g
             where d.tenant_id = g.tenant_id and d.tail = g.tail and d.phone_id = g.id';
    return null;
end
$$;

create trigger client_phone_digits_inserted after insert on cc.client_phone referencing new table as new_phones
    for each statement execute function cc.client_phone_digits_inserted();
create trigger client_phone_digits_updated after update on cc.client_phone
    referencing old table as old_phones new table as new_phones
    for each statement execute function cc.client_phone_digits_updated();
create trigger client_phone_digits_deleted after delete on cc.client_phone referencing old table as old_phones
    for each statement execute function cc.client_phone_digits_deleted();

insert into cc.client_phone_digits (tenant_id, tail, phone_id)
select p.tenant_id, substr(p.number, k), p.id from cc.client_phone p, generate_series(3, length(p.number) - 2) k;

alter table cc.client_phone_digits enable row level security;
alter table cc.client_phone_digits force row level security;
create policy client_phone_digits_tenant_isolation on cc.client_phone_digits to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy client_phone_digits_platform_access on cc.client_phone_digits to ${platform_role}
  using (true) with check (true);
