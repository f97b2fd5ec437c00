-- Client search over a tenant with a million cards (CRM-03, B: client search).
--
-- The full-text index leads with the tenant (btree_gin, a trusted contrib extension like pg_trgm), so a
-- word common in every tenant ("Popa") yields only this tenant's cards and the table is read for those
-- alone. The sort keys of the name order are stored, so ordering thousands of matches does not run
-- unaccent over each of them again.
create extension if not exists btree_gin with schema cc;

alter table cc.client
    add column sort_name  text generated always as (lower(cc.crm_unaccent(coalesce(last_name, organisation, '')))) stored,
    add column sort_first text generated always as (lower(cc.crm_unaccent(coalesce(first_name, '')))) stored;

drop index cc.client_search;
create index client_search on cc.client using gin (tenant_id, search_vector);

drop index cc.client_sort_name;
create index client_sort_name on cc.client (tenant_id, sort_name, sort_first, id);
