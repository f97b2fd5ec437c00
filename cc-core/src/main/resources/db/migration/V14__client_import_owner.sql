-- A client import job is owned by the cc-core instance that runs it (CRM-05): the owner renews
-- heartbeat_at while the job is queued or running. A job whose owner stopped renewing is taken over after a
-- restart by an instance that has its file in its spool directory, and goes on after the rows already
-- processed; without the file it is marked FAILED.
alter table cc.client_import
    add column owner        uuid,
    add column heartbeat_at timestamptz;
create index client_import_unfinished on cc.client_import (heartbeat_at) where status in ('QUEUED', 'RUNNING');
