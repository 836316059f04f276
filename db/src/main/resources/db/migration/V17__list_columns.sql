-- Issue 13: the custom-field columns a user chose for a list (the clients list: "Columns"), remembered per
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
