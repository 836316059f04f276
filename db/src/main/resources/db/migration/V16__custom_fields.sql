-- Custom fields (issue 13): one store for every record type's values.
--
-- Until now there were two: crm_deals.custom_fields (jsonb, never written: the API dropped what it was
-- sent) and the EAV pair crm_custom_fields / crm_custom_field_values (jsonb values, never used). The EAV
-- table stays, rebuilt, and the jsonb column goes. Why: under row-level security PostgreSQL uses an index
-- condition only when its operator is LEAKPROOF; jsonb operators (->>, @>), numeric comparisons and lower()
-- are not, so a filter or sort on a jsonb document (or on an expression index over it) is never an index
-- scan for the application role. Text compared with the "C" collation and uuid equality are leakproof:
-- each value row carries a text key whose byte order is the value's order (numbers as SortKey, dates ISO,
-- the rest their normal form), and the primary key (tenant_id, field_id, key, entity_id) answers "field =
-- value", "field between a and b" and "ordered by field" as index scans inside one workspace.

alter table crm_deals drop column custom_fields;

-- Phone values are normalised to E.164; numbers typed without a country code are read in this region.
alter table tenants add column phone_region char(2) not null default 'US' check (phone_region ~ '^[A-Z]{2}$');

-- Definitions: options are [{value, label, color}]; (tenant_id, entity_type, id) is unique so that a
-- value can only point at a field of its own record type.
alter table crm_custom_fields add constraint crm_custom_fields_options_check check (jsonb_typeof(options) = 'array');
alter table crm_custom_fields drop constraint crm_custom_fields_field_name_check;
alter table crm_custom_fields add constraint crm_custom_fields_field_name_check
    check (field_name ~ '^[a-z][a-z0-9_]{0,62}$');
alter table crm_custom_fields add constraint crm_custom_fields_record_type_key unique (tenant_id, entity_type, id);

drop table crm_custom_field_values;
create table crm_custom_field_values (
    tenant_id    uuid         not null references tenants (id) on delete cascade,
    entity_type  varchar(50)  not null check (entity_type ~ '^[a-z][a-z_]{0,49}$'),
    field_id     uuid         not null,
    entity_id    uuid         not null,
    -- One row per value; a multiselect has one row per chosen option.
    key          text         collate "C" not null check (length(key) <= 1000),
    value        text         not null,
    primary key (tenant_id, field_id, key, entity_id),
    -- Deleting a definition deletes its values.
    foreign key (tenant_id, entity_type, field_id) references crm_custom_fields (tenant_id, entity_type, id)
        on delete cascade
);
-- A record's values (read with the record; removed when it is purged).
create index crm_custom_field_values_record_idx on crm_custom_field_values (tenant_id, entity_type, entity_id);

alter table crm_custom_field_values enable row level security;
alter table crm_custom_field_values force row level security;
create policy tenant_isolation on crm_custom_field_values
    using (tenant_id = orbit_current_tenant()) with check (tenant_id = orbit_current_tenant());
grant select, insert, update, delete on crm_custom_field_values to ${appRole};
