-- Orbit CRM: the CRM tables of the original spec, made tenant-safe (see V1 for the rules).

create table clients (
    tenant_id                     uuid          not null references tenants (id) on delete cascade,
    id                            uuid          not null default gen_random_uuid(),
    name                          varchar(255)  not null check (length(btrim(name)) > 0),
    contact_name                  varchar(255),
    contact_email                 varchar(255),
    contact_phone                 varchar(50),
    industry                      varchar(100),
    address_line1                 varchar(255),
    address_line2                 varchar(255),
    city                          varchar(100),
    state                         varchar(2)    check (state ~ '^[A-Z]{2}$'),
    zip_code                      varchar(10),
    estimated_monthly_spend       numeric(12, 2) check (estimated_monthly_spend >= 0),
    status                        varchar(20)   not null default 'active'
                                                check (status in ('active', 'inactive', 'churned')),
    account_owner_id              uuid,
    account_owner_assigned_date   timestamptz,
    company_id                    varchar(100),
    created_by                    uuid          references users (id) on delete set null,
    created_at                    timestamptz   not null default now(),
    updated_at                    timestamptz   not null default now(),
    deleted_at                    timestamptz,
    version                       integer       not null default 0,
    primary key (tenant_id, id),
    -- The account owner must be a member of the same workspace; leaving it unassigns them.
    foreign key (tenant_id, account_owner_id) references memberships (tenant_id, user_id)
        on delete set null (account_owner_id)
);
create index clients_name_idx on clients (tenant_id, lower(name), id) where deleted_at is null;
create index clients_status_idx on clients (tenant_id, status) where deleted_at is null;
create index clients_owner_idx on clients (tenant_id, account_owner_id);
create index clients_deleted_idx on clients (tenant_id, deleted_at) where deleted_at is not null;
create trigger clients_touch before update on clients for each row execute function orbit_touch();

create table crm_deals (
    tenant_id            uuid           not null references tenants (id) on delete cascade,
    id                   uuid           not null default gen_random_uuid(),
    name                 varchar(255)   not null check (length(btrim(name)) > 0),
    description          text,
    stage                varchar(50)    not null default 'lead',
    -- Position inside the stage column: a fractional rank, so a move never renumbers a column.
    stage_order          numeric        not null default 0,
    value                numeric(15, 2) not null default 0 check (value >= 0),
    currency             char(3)        not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    probability          integer        not null default 10 check (probability between 0 and 100),
    probability_manual   boolean        not null default false,
    client_id            uuid,
    contact_name         varchar(255),
    contact_email        varchar(255),
    contact_phone        varchar(50),
    expected_close_date  date,
    actual_close_date    date,
    owner_id             uuid,
    source               varchar(100),
    custom_fields        jsonb          not null default '{}'::jsonb,
    lost_reason          text,
    created_by           uuid           references users (id) on delete set null,
    created_at           timestamptz    not null default now(),
    updated_at           timestamptz    not null default now(),
    deleted_at           timestamptz,
    version              integer        not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade,
    foreign key (tenant_id, owner_id) references memberships (tenant_id, user_id)
        on delete set null (owner_id)
);
create index crm_deals_board_idx on crm_deals (tenant_id, stage, stage_order) where deleted_at is null;
create index crm_deals_client_idx on crm_deals (tenant_id, client_id);
create index crm_deals_owner_idx on crm_deals (tenant_id, owner_id);
create index crm_deals_close_idx on crm_deals (tenant_id, expected_close_date) where deleted_at is null;
create trigger crm_deals_touch before update on crm_deals for each row execute function orbit_touch();

-- Activities and notes hang off a client or a deal (entity_type + entity_id). A polymorphic
-- reference cannot be a foreign key, so the application checks it inside the tenant.
create table crm_activities (
    tenant_id            uuid         not null references tenants (id) on delete cascade,
    id                   uuid         not null default gen_random_uuid(),
    entity_type          varchar(50)  not null check (entity_type in ('client', 'deal')),
    entity_id            uuid         not null,
    activity_type        varchar(50)  not null check (activity_type in
                             ('email', 'call', 'meeting', 'note', 'task', 'sms', 'status_change', 'document')),
    subject              varchar(255),
    description          text,
    email_from           varchar(255),
    email_to             text,
    email_opened         boolean      not null default false,
    email_opened_at      timestamptz,
    email_clicked        boolean      not null default false,
    email_clicked_at     timestamptz,
    call_duration        integer      check (call_duration >= 0),
    call_outcome         varchar(20)  check (call_outcome in ('answered', 'no_answer', 'voicemail', 'busy')),
    call_recording_url   text,
    meeting_start_time   timestamptz,
    meeting_end_time     timestamptz,
    meeting_location     varchar(255),
    meeting_attendees    jsonb,
    metadata             jsonb        not null default '{}'::jsonb,
    created_by           uuid         references users (id) on delete set null,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    version              integer      not null default 0,
    primary key (tenant_id, id),
    check (meeting_end_time is null or meeting_start_time is null or meeting_end_time > meeting_start_time)
);
create index crm_activities_feed_idx
    on crm_activities (tenant_id, entity_type, entity_id, created_at desc, id desc);
create trigger crm_activities_touch before update on crm_activities for each row execute function orbit_touch();

create table crm_notes (
    tenant_id    uuid         not null references tenants (id) on delete cascade,
    id           uuid         not null default gen_random_uuid(),
    entity_type  varchar(50)  not null check (entity_type in ('client', 'deal')),
    entity_id    uuid         not null,
    content      text         not null check (length(content) between 1 and 20000),
    is_pinned    boolean      not null default false,
    color        varchar(20)  not null default 'default'
                              check (color in ('default', 'yellow', 'green', 'blue', 'red')),
    created_by   uuid         references users (id) on delete set null,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    deleted_at   timestamptz,
    version      integer      not null default 0,
    primary key (tenant_id, id)
);
create index crm_notes_entity_idx
    on crm_notes (tenant_id, entity_type, entity_id, is_pinned desc, created_at desc) where deleted_at is null;
create trigger crm_notes_touch before update on crm_notes for each row execute function orbit_touch();

create table crm_meetings (
    tenant_id          uuid          not null references tenants (id) on delete cascade,
    id                 uuid          not null default gen_random_uuid(),
    title              varchar(255)  not null check (length(btrim(title)) > 0),
    description        text,
    start_time         timestamptz   not null,
    end_time           timestamptz   not null,
    timezone           varchar(64)   not null default 'UTC',
    location_type      varchar(20)   not null default 'video'
                                     check (location_type in ('in_person', 'video', 'phone')),
    location           varchar(500),
    meeting_url        text,
    client_id          uuid,
    deal_id            uuid,
    -- [{name, email, status: pending|accepted|declined|tentative, respondedAt}]
    attendees          jsonb         not null default '[]'::jsonb,
    reminder_minutes   integer[]     not null default '{15}',
    status             varchar(20)   not null default 'scheduled'
                                     check (status in ('scheduled', 'completed', 'cancelled', 'no_show')),
    outcome            text,
    organizer_id       uuid,
    created_by         uuid          references users (id) on delete set null,
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now(),
    version            integer       not null default 0,
    primary key (tenant_id, id),
    check (end_time > start_time),
    foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade,
    foreign key (tenant_id, deal_id) references crm_deals (tenant_id, id) on delete cascade,
    foreign key (tenant_id, organizer_id) references memberships (tenant_id, user_id)
        on delete set null (organizer_id)
);
create index crm_meetings_start_idx on crm_meetings (tenant_id, start_time);
create index crm_meetings_client_idx on crm_meetings (tenant_id, client_id);
create index crm_meetings_deal_idx on crm_meetings (tenant_id, deal_id);
create trigger crm_meetings_touch before update on crm_meetings for each row execute function orbit_touch();

create table crm_custom_fields (
    tenant_id      uuid          not null references tenants (id) on delete cascade,
    id             uuid          not null default gen_random_uuid(),
    entity_type    varchar(50)   not null check (entity_type in ('client', 'deal')),
    field_name     varchar(100)  not null check (field_name ~ '^[a-z][a-z0-9_]*$'),
    field_label    varchar(255)  not null check (length(btrim(field_label)) > 0),
    field_type     varchar(20)   not null check (field_type in
                       ('text', 'number', 'date', 'boolean', 'select', 'multiselect', 'url', 'email', 'phone')),
    options        jsonb         not null default '[]'::jsonb,
    is_required    boolean       not null default false,
    default_value  text,
    display_order  integer       not null default 0,
    is_visible     boolean       not null default true,
    section        varchar(100),
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    version        integer       not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, entity_type, field_name)
);
create index crm_custom_fields_order_idx on crm_custom_fields (tenant_id, entity_type, display_order);
create trigger crm_custom_fields_touch before update on crm_custom_fields for each row execute function orbit_touch();

create table crm_custom_field_values (
    tenant_id        uuid         not null references tenants (id) on delete cascade,
    id               uuid         not null default gen_random_uuid(),
    custom_field_id  uuid         not null,
    entity_type      varchar(50)  not null check (entity_type in ('client', 'deal')),
    entity_id        uuid         not null,
    value            jsonb,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    version          integer      not null default 0,
    primary key (tenant_id, id),
    unique (tenant_id, custom_field_id, entity_id),
    foreign key (tenant_id, custom_field_id) references crm_custom_fields (tenant_id, id) on delete cascade
);
create index crm_custom_field_values_entity_idx on crm_custom_field_values (tenant_id, entity_type, entity_id);
create trigger crm_custom_field_values_touch before update on crm_custom_field_values
    for each row execute function orbit_touch();

-- Row-level security: the same fail-closed policy on every tenant table.
do $$
declare
    t text;
begin
    foreach t in array array['clients', 'crm_deals', 'crm_activities', 'crm_notes', 'crm_meetings',
                             'crm_custom_fields', 'crm_custom_field_values']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = orbit_current_tenant()) '
                       'with check (tenant_id = orbit_current_tenant())', t);
    end loop;
end
$$;

grant select, insert, update, delete on clients, crm_deals, crm_activities, crm_notes, crm_meetings,
    crm_custom_fields, crm_custom_field_values to ${appRole};
