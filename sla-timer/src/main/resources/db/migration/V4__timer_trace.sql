-- The W3C trace context of the event that last scheduled the timer: the alert it fires continues
-- that ticket's trace (null: no trace came with the event, or the timer predates tracing).
alter table timer add column traceparent text;
