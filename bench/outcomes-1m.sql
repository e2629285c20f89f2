-- 1,000,000 clock outcomes over 12 months (2025-12 .. 2026-11), 200 customers, 4 priorities,
-- 4 clocks, a realistic mix of statuses
insert into clock_outcome (ticket_id, clock, cycle, customer_id, plan, priority, source, started_at,
  target_ms, status, due_at, breached_at, met_at, ended_at, end_reason, used_ms, late_ms, flags, updated_at)
select 'B-' || g, (array['first_response','next_response','update','resolution'])[1 + g % 4], 1,
  'cust-' || (g % 200), (array['jamf-gold','jamf-platinum','opswat-gold','eurolinux-premium'])[1 + (g / 7) % 4],
  'P' || (1 + (g / 3) % 4), 'bench',
  timestamptz '2025-12-01' + (g % 525600) * interval '1 minute',
  3600000,
  (array['met','met','met','met','met_late','breached','ended','open'])[1 + (g / 11) % 8],
  timestamptz '2025-12-01' + (g % 525600) * interval '1 minute' + interval '1 hour',
  null, null, null, null, (g % 7200) * 1000, 0, '{}', now()
from generate_series(1, 1000000) g;
analyze clock_outcome;
