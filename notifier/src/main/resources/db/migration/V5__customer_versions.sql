-- Every version of each customer with the instant it took effect, as sla-timer keeps them: the
-- notifier's customers are the same shared projection of customer.events.v1 (service-support's
-- CustomerProjection), the newest version being the current record in `customer`.
create table customer_version (
    id            text        not null,
    version       bigint      not null,
    effective_at  timestamptz not null,
    body          text        not null,
    primary key (id, version)
);

insert into customer_version (id, version, effective_at, body)
select id, version, coalesce((body::jsonb ->> 'time')::timestamptz, now()), body from customer;
