-- What the firing loop, the gauges and the at-risk API need, as columns: no JSON parsing per timer,
-- and filters in SQL (before the limit). Existing rows are filled from their payload.
alter table timer
    add column kind        text,
    add column customer_id text,
    add column plan        text,
    add column priority    text,
    add column clock       text,
    add column due         timestamptz,
    add column elapsed_ms  bigint;

update timer set
    kind        = payload::jsonb ->> 'type',
    customer_id = payload::jsonb -> 'data' ->> 'customer',
    plan        = payload::jsonb -> 'data' ->> 'plan',
    priority    = payload::jsonb -> 'data' ->> 'priority',
    clock       = payload::jsonb -> 'data' ->> 'clock',
    due         = (payload::jsonb -> 'data' ->> 'due')::timestamptz,
    elapsed_ms  = (extract(epoch from (payload::jsonb -> 'data' ->> 'elapsed')::interval) * 1000)::bigint;

alter table timer
    alter column kind set not null,
    alter column customer_id set not null,
    alter column plan set not null,
    alter column priority set not null,
    alter column clock set not null,
    alter column due set not null;

-- open breach deadlines by time to breach (at-risk API, gauges)
create index timer_breach_due on timer (due) where kind = 'sla.breached';
