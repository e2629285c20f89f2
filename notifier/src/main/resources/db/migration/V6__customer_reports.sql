-- The compliance reports e-mailed to customers (README "Compliance reports"), and their audit:
-- one row per customer and period. A scheduled report's row is claimed by one notifier instance
-- (insert ... on conflict: the key makes it once per period across instances and restarts); a
-- claim whose lease ran out (its instance died, or the send failed and waits for its retry) is
-- taken over. A report asked for by hand (POST /api/v1/reports/send) has its own row, keyed by
-- its period and end.
create table customer_report (
    customer_id   text        not null,
    period        text        not null,
    period_from   timestamptz not null,
    period_to     timestamptz not null,
    state         text        not null check (state in ('sending', 'sent', 'failed')),
    claimed_by    text        not null,
    lease_until   timestamptz not null,
    attempts      int         not null,
    message_id    text        not null,
    recipients    text[]      not null default '{}',
    requested_by  text,
    sent_at       timestamptz,
    last_error    text,
    created_at    timestamptz not null default now(),
    primary key (customer_id, period)
);

create index customer_report_created on customer_report (created_at);
