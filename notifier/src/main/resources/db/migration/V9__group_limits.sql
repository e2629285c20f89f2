-- A group holds at most slawatch.notifier.grouping.max-members members (1,000 by default), as
-- Alertmanager's max_alerts bounds a notification: `members` counts the joins; once it reaches the
-- limit the group is 'full' (closed to joins, sent at once) and the next member opens a new group.
-- A 100,000-ticket pile-up of one customer becomes 100 notifications of 1,000, not one request of
-- 100 MB that no notifier heap or receiver takes.
alter table notification_group add column members int not null default 0;
alter table notification_group drop constraint notification_group_state_check;
alter table notification_group add constraint notification_group_state_check
    check (state in ('open', 'full', 'sending', 'sent'));
drop index notification_group_due;
create index notification_group_due on notification_group (flush_at) where state in ('open', 'full');
-- sent groups are deleted after slawatch.notifier.grouping.retention (their members' deliveries
-- and audit entries stay)
create index notification_group_sent on notification_group (sent_at) where state = 'sent';

-- PagerDuty: a group's incident (dedup key slawatch/group/<group key>) is resolved once every
-- member of every group of its target and key has its clock closed (sla.met or sla.ended); the
-- groups are then marked, and a later group of the key triggers a new incident.
alter table notification_group add column resolved_at timestamptz;
create index notification_group_unresolved on notification_group (target, group_key)
    where channel = 'pagerduty' and resolved_at is null;
