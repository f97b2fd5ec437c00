-- Help desk, continued (HD-01, CRM-03): files attached to tickets, e-mail from escalation rules, and
-- full-text search of tickets over subject, description, comments and the text of their attachments.
-- Everything here belongs to a tenant and is protected by forced row-level security like every other
-- tenant table; ticket texts and attachments are personal data of the tenant's customers (SEC-04).

-- Accents and case folded, no stemming: tickets are written in any of the tenants' languages. A copy of
-- the knowledge base's `simple` configuration, so that it uses the unaccent dictionary V7 installed in
-- schema cc where the server has it; ts_headline then highlights the original, accented words.
create text search configuration cc.search_simple (copy = cc.kb_simple);

-- Escalation rules may send an e-mail; a rule needs at least one action.
alter table cc.ticket_escalation_rule add column notify_emails varchar(254)[] not null default '{}';
alter table cc.ticket_escalation_rule drop constraint ticket_escalation_rule_action;
alter table cc.ticket_escalation_rule add constraint ticket_escalation_rule_action
    check (raise_priority_to is not null or webhook_url is not null or cardinality(notify_emails) > 0);
alter table cc.ticket_escalation_rule add constraint ticket_escalation_rule_emails
    check (cardinality(notify_emails) <= 20);

-- What the e-mail of a fired rule did: PENDING until sent after the claim committed, then SENT or
-- FAILED; SKIPPED when no mail server is configured.
alter table cc.ticket_escalation add column email_to varchar(254)[] not null default '{}';
alter table cc.ticket_escalation add column email_status varchar(8);
alter table cc.ticket_escalation add column email_attempts integer not null default 0;
alter table cc.ticket_escalation add column email_last_error varchar(500);
alter table cc.ticket_escalation add constraint ticket_escalation_email_status
    check (email_status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED'));

-- A comment an attachment belongs to must be of the same tenant.
alter table cc.ticket_comment add constraint ticket_comment_tenant_id_unique unique (tenant_id, id);

-- Files attached to a ticket (or to one of its comments). The bytes are in the blob store, encrypted with
-- the tenant's key (blob_key); the row keeps what the API shows and the text extracted for search.
create table cc.ticket_attachment (
    id               uuid primary key,
    tenant_id        uuid          not null,
    ticket_id        uuid          not null,
    comment_id       uuid,
    file_name        varchar(255)  not null,
    content_type     varchar(100)  not null,
    size             bigint        not null,
    sha256           varchar(64)   not null,
    blob_key         varchar(200)  not null,
    -- extracted text, bounded by linea.tickets.attachment-max-chars; empty for images
    text             text          not null default '',
    search_vector    tsvector      not null default ''::tsvector,
    uploaded_by      uuid,
    uploaded_by_name varchar(200),
    uploaded_at      timestamptz   not null,
    constraint ticket_attachment_ticket_fk foreign key (tenant_id, ticket_id)
        references cc.ticket (tenant_id, id) on delete cascade,
    constraint ticket_attachment_comment_fk foreign key (tenant_id, comment_id)
        references cc.ticket_comment (tenant_id, id) on delete set null (comment_id),
    constraint ticket_attachment_size check (size between 1 and 1073741824),
    constraint ticket_attachment_sha256 check (sha256 ~ '^[0-9a-f]{64}$'),
    constraint ticket_attachment_text_size check (length(text) <= 2000000)
);
create index ticket_attachment_ticket on cc.ticket_attachment (tenant_id, ticket_id, uploaded_at);
create index ticket_attachment_comment on cc.ticket_attachment (tenant_id, comment_id);

-- An attachment's own vector (file name and text), computed once when it is written, so that a ticket's
-- search document is rebuilt from stored vectors rather than by parsing every file's text again.
create function cc.ticket_attachment_search_vector() returns trigger
    language plpgsql
    set search_path = pg_catalog, cc
as $$
begin
    new.search_vector := to_tsvector('cc.search_simple',
        replace(translate(new.file_name, '._-', '   ') || ' ' || new.text, '<', ' '));
    return new;
end
$$;
create trigger ticket_attachment_search_vector before insert or update of file_name, text on cc.ticket_attachment
    for each row execute function cc.ticket_attachment_search_vector();

-- A ticket's search document (CRM-03): subject (A), description (B), comments (C), attachments (D). The
-- ticket number is matched separately ("#1042"). "<" goes, so that the parser reads no tag.
alter table cc.ticket add column search_vector tsvector not null default ''::tsvector;
create index ticket_search on cc.ticket using gin (search_vector);

-- PostgreSQL has no tsvector aggregate built in; || is tsvector_concat.
create aggregate cc.tsvector_concat_agg(tsvector) (sfunc = pg_catalog.tsvector_concat, stype = tsvector,
    initcond = '');

create function cc.ticket_search_document(p_tenant uuid, p_ticket uuid, p_subject text, p_description text)
    returns tsvector
    language sql stable
    set search_path = pg_catalog, cc
    return setweight(to_tsvector('cc.search_simple', replace(coalesce(p_subject, ''), '<', ' ')), 'A')
        || setweight(to_tsvector('cc.search_simple', replace(coalesce(p_description, ''), '<', ' ')), 'B')
        || setweight(to_tsvector('cc.search_simple', replace(coalesce((select string_agg(c.text, ' ' order by c.created_at, c.id)
               from cc.ticket_comment c where c.tenant_id = p_tenant and c.ticket_id = p_ticket), ''), '<', ' ')), 'C')
        || setweight(coalesce((select cc.tsvector_concat_agg(a.search_vector order by a.uploaded_at, a.id)
               from cc.ticket_attachment a where a.tenant_id = p_tenant and a.ticket_id = p_ticket), ''), 'D');

create function cc.ticket_search_vector() returns trigger
    language plpgsql
    set search_path = pg_catalog, cc
as $$
begin
    new.search_vector := cc.ticket_search_document(new.tenant_id, new.id, new.subject, new.description);
    return new;
end
$$;
create trigger ticket_search_vector_insert before insert on cc.ticket
    for each row execute function cc.ticket_search_vector();
-- JPA writes every column on each change: only a changed subject or description rebuilds the document
create trigger ticket_search_vector_update before update on cc.ticket
    for each row when (old.subject is distinct from new.subject or old.description is distinct from new.description)
    execute function cc.ticket_search_vector();

-- A comment or attachment written or removed rebuilds its ticket's document, whatever wrote it.
create function cc.ticket_part_changed() returns trigger
    language plpgsql
    set search_path = pg_catalog, cc
as $$
declare
    part record;
begin
    part := case when tg_op = 'DELETE' then old else new end;
    update cc.ticket t set search_vector = cc.ticket_search_document(t.tenant_id, t.id, t.subject, t.description)
        where t.tenant_id = part.tenant_id and t.id = part.ticket_id;
    return null;
end
$$;
create trigger ticket_comment_search after insert or update or delete on cc.ticket_comment
    for each row execute function cc.ticket_part_changed();
create trigger ticket_attachment_search after insert or update or delete on cc.ticket_attachment
    for each row execute function cc.ticket_part_changed();

-- Tickets written before this migration get their document now.
update cc.ticket t set search_vector = cc.ticket_search_document(t.tenant_id, t.id, t.subject, t.description);

alter table cc.ticket_attachment enable row level security;
alter table cc.ticket_attachment force row level security;
create policy ticket_attachment_tenant_isolation on cc.ticket_attachment to ${app_role}
  using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy ticket_attachment_platform_access on cc.ticket_attachment to ${platform_role} using (true) with check (true);

grant select, insert, update, delete on cc.ticket_attachment to ${app_role}, ${platform_role};
