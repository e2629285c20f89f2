-- Snooze: the escalation's next step is held until then (a step moved on never runs before it).
alter table escalation add column snoozed_until timestamptz;
-- A closing alert (sla.met, sla.ended) finds every escalation of its clock, running or not: to stop
-- them, and to follow up with the targets they reached.
create index escalation_of_clock on escalation (ticket_id, clock, cycle);
