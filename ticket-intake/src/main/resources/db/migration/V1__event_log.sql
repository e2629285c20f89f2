-- Every accepted ticket event, once per (source, id): the intake's event log and dedup key.
create table ticket_event (
    source       text        not null,
    event_id     text        not null,
    ticket_id    text        not null,
    type         text        not null,
    occurred_at  timestamptz not null,
    received_at  timestamptz not null,
    payload      jsonb       not null,
    primary key (source, event_id)
);
create index ticket_event_ticket on ticket_event (ticket_id, occurred_at);
