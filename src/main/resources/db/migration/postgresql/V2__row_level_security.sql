-- PostgreSQL only: every table holding a client's information shows a transaction only the rows
-- of the client it set with set_config('vigie.client', <id>, true). A query that forgets its scope
-- sees nothing and can write nothing. FORCE applies the policies to the tables' owner too; the
-- server refuses to start as a superuser or a role with BYPASSRLS (docs/server.md).

create function vigie_client() returns uuid language sql stable as
  $$ select nullif(current_setting('vigie.client', true), '')::uuid $$;

alter table client_profile enable row level security;
alter table client_profile force row level security;
create policy client_only on client_profile using (client_id = vigie_client()) with check (client_id = vigie_client());

alter table workspace_version enable row level security;
alter table workspace_version force row level security;
create policy client_only on workspace_version using (client_id = vigie_client()) with check (client_id = vigie_client());

alter table deals_upload enable row level security;
alter table deals_upload force row level security;
create policy client_only on deals_upload using (client_id = vigie_client()) with check (client_id = vigie_client());

alter table run enable row level security;
alter table run force row level security;
create policy client_only on run using (client_id = vigie_client()) with check (client_id = vigie_client());

alter table run_finding enable row level security;
alter table run_finding force row level security;
create policy client_only on run_finding using (client_id = vigie_client()) with check (client_id = vigie_client());

alter table run_deal enable row level security;
alter table run_deal force row level security;
create policy client_only on run_deal using (client_id = vigie_client()) with check (client_id = vigie_client());

alter table run_rejected enable row level security;
alter table run_rejected force row level security;
create policy client_only on run_rejected using (client_id = vigie_client()) with check (client_id = vigie_client());

alter table report_file enable row level security;
alter table report_file force row level security;
create policy client_only on report_file using (client_id = vigie_client()) with check (client_id = vigie_client());

alter table access_log enable row level security;
alter table access_log force row level security;
create policy client_only on access_log using (client_id = vigie_client()) with check (client_id = vigie_client());
