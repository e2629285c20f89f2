-- The customer registry: the latest record per customer, published on customer.events.v1.
create table customer (
    id          text        primary key,
    body        jsonb       not null,
    version     bigint      not null,
    updated_at  timestamptz not null
);
