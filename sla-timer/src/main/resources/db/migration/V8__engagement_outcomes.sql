-- Engagements' obligations in the compliance reports (issue 15): their outcomes are clock_outcome
-- rows like a ticket's clocks (ticket_id then holds the engagement id, priority 'none'), marked by
-- subject_kind as the timer table's are, so a ticket and an engagement that share an id keep their
-- own rows and the reports can tell them apart.
alter table clock_outcome
    add column subject_kind text not null default 'ticket'
        check (subject_kind in ('ticket', 'engagement'));
alter table clock_outcome drop constraint clock_outcome_pkey;
alter table clock_outcome add primary key (ticket_id, subject_kind, clock, cycle);
