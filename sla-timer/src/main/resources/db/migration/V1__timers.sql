-- Every ticket event applied, once per (source, id): the dedup key and the input of the engine.
create table ticket_event (
    source       text        not null,
    event_id     text        not null,
    ticket_id    text        not null,
    occurred_at  timestamptz not null,
    payload      jsonb       not null,
    primary key (source, event_id)
);
create index ticket_event_ticket on ticket_event (ticket_id);

-- Pending alerts, one row per deterministic alert id, claimed by the firing loop when due.
create table timer (
    alert_id   text        primary key,
    ticket_id  text        not null,
    fire_at    timestamptz not null,
    payload    text        not null  -- the alert CloudEvent exactly as published
);
create index timer_due on timer (fire_at);
create index timer_ticket on timer (ticket_id);

-- Alerts already published: never scheduled again.
create table fired_alert (
    alert_id   text        primary key,
    ticket_id  text        not null,
    fired_at   timestamptz not null
);
create index fired_alert_ticket on fired_alert (ticket_id);
