-- AGT-07: an agent's own calls and statistics are read by agent. Without these indexes every read
-- scanned the tenant's interactions and events.
create index interaction_event_agent on cc.interaction_event (tenant_id, agent_id, at desc)
    where agent_id is not null;
create index interaction_agent on cc.interaction (tenant_id, agent_id, started_at desc)
    where agent_id is not null;
