-- ACD-05, ACD-11: how many interactions of each medium an agent takes at once, and whether calls and
-- other media mix. A person working for several tenants gets the smallest capacity any of them set, and
-- is blended only where all of them allow it (the router combines them).
alter table cc.agent
    add column voice_capacity integer not null default 1 check (voice_capacity between 0 and 1),
    add column chat_capacity integer not null default 3 check (chat_capacity between 0 and 20),
    add column email_capacity integer not null default 5 check (email_capacity between 0 and 50),
    add column sms_capacity integer not null default 5 check (sms_capacity between 0 and 50),
    add column social_capacity integer not null default 3 check (social_capacity between 0 and 20),
    add column blended boolean not null default false;
