-- Every version of each customer with the instant it took effect (its customer.upserted event's
-- time): a ticket starts on the version in force when it is created, and a later change of plan,
-- zone or calendar applies to open tickets from that instant on, never back-dated.
create table customer_version (
    id            text        not null,
    version       bigint      not null,
    effective_at  timestamptz not null,
    body          text        not null,
    primary key (id, version)
);

insert into customer_version (id, version, effective_at, body)
select id, version, coalesce((body::jsonb ->> 'time')::timestamptz, now()), body from customer;
