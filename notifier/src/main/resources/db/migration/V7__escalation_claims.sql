-- Who holds a claimed step (the notifier instance: host/pid/random): its heartbeat renews only its
-- own claims while it works them, and only the holder moves the escalation on. Null when unclaimed.
alter table escalation add column claimed_by text;
