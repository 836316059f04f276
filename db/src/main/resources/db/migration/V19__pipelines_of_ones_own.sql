-- Pipelines of one's own (issue 16): admins define pipelines and their stages (V9 made them data), each
-- stage may require fields before a deal enters it, and each member's board remembers the pipeline last
-- shown. Stage keys never change once made (the kept sums of V10 and crm_deals.reached name them); labels,
-- colours, positions, probabilities, kinds and requirements do.

-- The API names of the fields a deal must have to enter the stage: value, expectedCloseDate,
-- contactEmail, or cf.<custom field name> (the domain's EntryRequirements holds the same list).
alter table pipeline_stages add column required_fields text[] not null default '{}'
    check (cardinality(required_fields) <= 20
           and array_to_string(required_fields, ',') ~ '^((value|expectedCloseDate|contactEmail|cf\.[a-z][a-z0-9_]{0,49})(,|$))*$');

-- Pipelines list in their admin-chosen order.
create index pipelines_position_idx on pipelines (tenant_id, position) where archived_at is null;

-- The pipeline a member's board shows, remembered per member of the workspace.
create table pipeline_choices (
    tenant_id    uuid         not null,
    user_id      uuid         not null,
    pipeline_id  uuid         not null,
    updated_at   timestamptz  not null default now(),
    primary key (tenant_id, user_id),
    foreign key (tenant_id, pipeline_id) references pipelines (tenant_id, id) on delete cascade,
    foreign key (user_id) references users (id) on delete cascade
);
alter table pipeline_choices enable row level security;
alter table pipeline_choices force row level security;
create policy tenant_isolation on pipeline_choices using (tenant_id = orbit_current_tenant())
    with check (tenant_id = orbit_current_tenant());
grant select, insert, update, delete on pipeline_choices to ${appRole};
