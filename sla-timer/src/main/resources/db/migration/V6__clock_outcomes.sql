-- Every clock's outcome (issue 14): one row per ticket, clock and cycle, written with the ticket's
-- timers in the same transaction each time the ticket is replayed. The reports count them by the
-- month their clock started; a row still 'open' whose due has passed is breached (the breach timer
-- fires on time, the row catches up at the ticket's next event).
create table clock_outcome (
    ticket_id    text        not null,
    clock        text        not null,
    cycle        int         not null,
    customer_id  text        not null,
    plan         text        not null,
    priority     text        not null,
    source       text        not null,
    started_at   timestamptz not null,
    target_ms    bigint      not null,
    status       text        not null
        check (status in ('open', 'met', 'met_late', 'breached', 'ended')),
    due_at       timestamptz,
    breached_at  timestamptz,
    met_at       timestamptz,
    ended_at     timestamptz,
    end_reason   text,
    used_ms      bigint      not null,
    late_ms      bigint      not null,
    flags        text[]      not null default '{}',
    updated_at   timestamptz not null,
    primary key (ticket_id, clock, cycle)
);

create index clock_outcome_started on clock_outcome (started_at);
create index clock_outcome_customer_started on clock_outcome (customer_id, started_at);
