-- Customers as published on customer.events.v1 (latest version wins), and which customer each
-- ticket belongs to, so a customer change can recompute just that customer's tickets.
create table customer (
    id       text   primary key,
    version  bigint not null,
    body     text   not null
);

create table ticket (
    ticket_id    text primary key,
    customer_id  text not null
);
create index ticket_customer on ticket (customer_id);
