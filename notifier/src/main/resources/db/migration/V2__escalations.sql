-- Customers as published on customer.events.v1 (the newest version wins): the language of their
-- messages, their designated engineer, whether only US persons may serve them.
create table customer (
    id       text   primary key,
    version  bigint not null,
    body     text   not null
);

-- One escalation per routed alert: where its policy's chain stands and when its next step runs.
create table escalation (
    alert_id         text        primary key,
    ticket_id        text        not null,
    clock            text        not null,
    cycle            int         not null,
    customer_id      text        not null,
    policy           text        not null,
    step             int         not null,
    round            int         not null,
    state            text        not null
        check (state in ('active', 'acknowledged', 'resolved', 'done')),
    next_at          timestamptz,
    level_reached    int         not null default 0,
    payload          text        not null,
    started_at       timestamptz not null,
    updated_at       timestamptz not null,
    acknowledged_by  text
);
create index escalation_due on escalation (next_at) where state = 'active';
create index escalation_clock on escalation (ticket_id, clock, cycle) where state = 'active';

-- A delivery is now per target, escalation level and round (a channel was the target before).
alter table delivery rename column channel to target;
alter table delivery add column channel text;
update delivery set channel = target;
alter table delivery alter column channel set not null;
alter table delivery add column level int not null default 1;
alter table delivery add column round int not null default 0;
alter table delivery drop constraint delivery_pkey;
alter table delivery add primary key (alert_id, target, level, round);
alter table delivery drop constraint delivery_status_check;
alter table delivery add constraint delivery_status_check
    check (status in ('delivered', 'failed', 'skipped'));

-- The audit log: every delivery outcome (with its attempts) and every escalation change.
create table audit (
    id        bigserial   primary key,
    alert_id  text        not null,
    at        timestamptz not null,
    event     text        not null,
    target    text,
    channel   text,
    level     int,
    round     int,
    attempts  int,
    detail    text
);
create index audit_alert on audit (alert_id, id);
