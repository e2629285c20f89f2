-- Grouping (README "Grouping"): alerts of one type that one target of a policy is to get (at one
-- address: '' when the target's channel has one destination), with the
-- same group key, within a window of the first of them, are sent as one notification. A group is
-- open while its window runs (members join it: insert ... on conflict on the open group of the
-- same identity), then claimed by one notifier instance (state 'sending', claimed_by, lease_until,
-- renewed by its heartbeat; taken over once the lease ran out), then 'sent' with each member's
-- delivery recorded in `delivery` and `audit`.
create table notification_group (
    id           text        primary key,
    policy       text        not null,
    target       text        not null,
    channel      text        not null,
    address      text        not null,
    kind         text        not null,
    group_key    text        not null,
    opened_at    timestamptz not null,
    flush_at     timestamptz not null,
    state        text        not null check (state in ('open', 'sending', 'sent')),
    claimed_by   text,
    lease_until  timestamptz,
    sent_at      timestamptz
);
create unique index notification_group_open
    on notification_group (policy, target, address, kind, group_key) where state = 'open';
create index notification_group_due on notification_group (flush_at) where state = 'open';
create index notification_group_lease on notification_group (lease_until) where state = 'sending';

-- A member: one alert's delivery to the group's target at one level and round (the key of its
-- `delivery` row), with what its notification needs besides the alert (in `escalation`).
create table notification_member (
    alert_id           text        not null,
    target             text        not null,
    level              int         not null,
    round              int         not null,
    group_id           text        not null references notification_group (id),
    address            text,
    language           text        not null,
    customer_language  text        not null,
    zone               text,
    customer_zone      text,
    ack_url            text,
    traceparent        text,
    joined_at          timestamptz not null,
    primary key (alert_id, target, level, round)
);
create index notification_member_group on notification_member (group_id, joined_at);
