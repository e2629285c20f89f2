-- The W3C trace context the alert came with: every delivery of its escalation continues the ticket's
-- trace (null: the alert carried none).
alter table escalation add column traceparent text;
