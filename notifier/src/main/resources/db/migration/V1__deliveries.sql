-- One row per alert and channel once handled: an alert redelivered by Kafka is not sent again.
create table delivery (
    alert_id      text        not null,
    channel       text        not null,
    status        text        not null check (status in ('delivered', 'failed')),
    attempts      int         not null,
    detail        text,
    handled_at    timestamptz not null,
    primary key (alert_id, channel)
);
