-- The timeline module: the event publication registry of Spring Modulith (so that a DealStageChanged
-- committed with its move is recorded on the timeline even if the app stops before handling it), the
-- secret that signs e-mail tracking links, and the feed's type filter.

-- Spring Modulith's JDBC event publication registry (its PostgreSQL schema, v2). Infrastructure, not
-- tenant data: it holds events in flight, each of which carries its own tenant id.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
grant select, insert, update, delete on event_publication to ${appRole};

-- Secrets the application generates once and keeps (the key that signs tracking tokens). The app
-- role may read them and add missing ones, never change or remove one.
create table orbit_secrets (
    name       varchar(50) primary key,
    value      bytea       not null check (length(value) >= 32),
    created_at timestamptz not null default now()
);
grant select, insert on orbit_secrets to ${appRole};

-- "Calls on this deal, newest first": the feed index with the type in it.
create index crm_activities_type_idx
    on crm_activities (tenant_id, entity_type, entity_id, activity_type, created_at desc, id desc);
