-- Engagements (Jamf's services policy, issue 15): their events, once per (source, id), beside the
-- tickets' and replayed the same way. customer_id is set on engagement.purchased rows, so a
-- customer change can find that customer's engagements.
create table engagement_event (
    source         text        not null,
    event_id       text        not null,
    engagement_id  text        not null,
    occurred_at    timestamptz not null,
    customer_id    text,
    payload        jsonb       not null,
    primary key (source, event_id)
);
create index engagement_event_engagement on engagement_event (engagement_id);
create index engagement_event_customer on engagement_event (customer_id) where customer_id is not null;

-- Whose timer a row is: a ticket's or an engagement's (ticket_id then holds the engagement id). A
-- replay replaces the timers of its own subjects only, so a ticket and an engagement that share an
-- id keep each other's timers.
alter table timer
    add column subject_kind text not null default 'ticket'
        check (subject_kind in ('ticket', 'engagement'));
