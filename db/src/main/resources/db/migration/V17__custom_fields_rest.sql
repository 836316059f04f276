-- Issue 13, the rest of custom fields.
--
-- A deleted custom field goes to the trash with its values (deleted_at set; nothing else changes, so its name
-- stays taken by the unique key) and comes back on restore within the workspace's restore window; the
-- housekeeping job then deletes it for good, its values with it (on delete cascade, V16).
alter table crm_custom_fields add column deleted_at timestamptz;
create index crm_custom_fields_deleted_idx on crm_custom_fields (tenant_id, deleted_at) where deleted_at is not null;

-- The housekeeping's list of workspaces with expired trash now counts custom fields too (as V9's, plus them).
create or replace function orbit_workspaces_with_trash_before(cutoff timestamptz) returns setof uuid
    language plpgsql security definer set search_path = public, pg_temp
    as $$
declare
    caller text := current_setting('orbit.tenant_id', true);
    t uuid;
begin
    for t in select id from tenants order by id loop
        perform set_config('orbit.tenant_id', t::text, true);
        if exists (select 1 from clients where tenant_id = t and deleted_at < cutoff)
           or exists (select 1 from crm_deals where tenant_id = t and deleted_at < cutoff)
           or exists (select 1 from crm_custom_fields where tenant_id = t and deleted_at < cutoff) then
            return next t;
        end if;
    end loop;
    perform set_config('orbit.tenant_id', coalesce(caller, ''), true);
end
$$;

-- The custom-field columns a user chose for a list (the clients list: "Columns"), remembered per
-- user and workspace. One row per (workspace, member, list); the field names in the order shown. Leaving the
-- workspace (the membership goes) forgets the choice; a field deleted later is simply not shown.
create table list_columns (
    tenant_id  uuid         not null,
    user_id    uuid         not null,
    list       varchar(50)  not null check (list ~ '^[a-z][a-z_]{0,49}$'),
    columns    text[]       not null default '{}' check (cardinality(columns) <= 50),
    updated_at timestamptz  not null default now(),
    primary key (tenant_id, user_id, list),
    foreign key (tenant_id, user_id) references memberships (tenant_id, user_id) on delete cascade
);

alter table list_columns enable row level security;
alter table list_columns force row level security;
create policy tenant_isolation on list_columns
    using (tenant_id = orbit_current_tenant()) with check (tenant_id = orbit_current_tenant());
grant select, insert, update, delete on list_columns to ${appRole};

-- A key means something only with its field ('gold' is an option of one field), so the planner, taking the two
-- as independent, expected a select filter to match 2% of a field's records where it matched 20%, and chose a
-- parallel scan and sort over reading the sort field's keys in order (10 times slower at 100,000 clients).
-- Statistics on the pair give it the real share (bench/custom-fields-api.sh, docs/benchmark.md).
create statistics crm_custom_field_values_field_key (mcv, dependencies) on field_id, key from crm_custom_field_values;
