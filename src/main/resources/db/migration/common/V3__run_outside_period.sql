-- The deals read but outside the audited period (deals-in-period): read = audited + rejected +
-- outside the period. Null for the runs stored before, which counted none.
alter table run add column outside_period bigint;
