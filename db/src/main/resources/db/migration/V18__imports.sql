-- Imports (issue 15): a CSV of clients or deals brought in as a background job that survives a restart.
-- The uploaded file is kept with its job (so a restart resumes from the last committed batch), every record
-- an import created or updated is remembered (so the import can be undone for 7 days, updated records
-- getting their old values back), and every rejected row is kept with its reason (downloadable as CSV).

create table imports (
    tenant_id    uuid         not null references tenants (id) on delete cascade,
    id           uuid         not null,
    entity       varchar(20)  not null check (entity in ('clients', 'deals')),
    status       varchar(20)  not null check (status in ('draft', 'queued', 'running', 'completed', 'failed')),
    dry_run      boolean      not null default false,
    file_name    varchar(255) not null,
    file         bytea,
    -- ImportSettings (mapping, value mapping, dedupe) as the application wrote it; read whole, never queried.
    settings     jsonb        not null,
    total        integer      not null default 0 check (total >= 0),
    processed    integer      not null default 0 check (processed >= 0),
    created      integer      not null default 0 check (created >= 0),
    updated      integer      not null default 0 check (updated >= 0),
    rejected     integer      not null default 0 check (rejected >= 0),
    error        text,
    created_by   uuid,
    created_at   timestamptz  not null default now(),
    started_at   timestamptz,
    finished_at  timestamptz,
    undone_at    timestamptz,
    version      integer      not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, created_by) references memberships (tenant_id, user_id) on delete set null (created_by)
);
-- The history page: latest first.
create index imports_created_idx on imports (tenant_id, created_at desc, id desc);

-- What each import wrote, for undo: created records go to the trash, updated ones get `previous` back.
create table import_records (
    tenant_id    uuid         not null,
    import_id    uuid         not null,
    entity_type  varchar(50)  not null check (entity_type ~ '^[a-z][a-z_]{0,49}$'),
    record_id    uuid         not null,
    action       varchar(10)  not null check (action in ('created', 'updated')),
    previous     jsonb,
    primary key (tenant_id, import_id, entity_type, record_id),
    foreign key (tenant_id, import_id) references imports (tenant_id, id) on delete cascade
);

-- The rows an import refused, with the reason, as they were in the file (one CSV line each).
create table import_rejects (
    tenant_id    uuid         not null,
    import_id    uuid         not null,
    line         bigint       not null,
    reason       text         not null,
    fields       text[]       not null,
    primary key (tenant_id, import_id, line),
    foreign key (tenant_id, import_id) references imports (tenant_id, id) on delete cascade
);

do $$
declare
    t text;
begin
    foreach t in array array['imports', 'import_records', 'import_rejects']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = orbit_current_tenant()) '
                       'with check (tenant_id = orbit_current_tenant())', t);
    end loop;
end $$;
grant select, insert, update, delete on imports, import_records, import_rejects to ${appRole};

-- The import jobs' db-scheduler table (one execution per import; its own table, see V14). No tenant data.
create table scheduled_imports (
    task_name             text                     not null,
    task_instance         text                     not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean                  not null,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  int,
    last_heartbeat        timestamp with time zone,
    version               bigint                   not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index scheduled_imports_execution_time_idx on scheduled_imports (execution_time);
create index scheduled_imports_last_heartbeat_idx on scheduled_imports (last_heartbeat);
create index scheduled_imports_priority_execution_time_idx on scheduled_imports (priority desc, execution_time asc);
grant select, insert, update, delete on scheduled_imports to ${appRole};

-- ---- Client search words for many new clients at once ---------------------------------------------
-- An import inserts clients 1,000 per statement. Their search words (V4/V9, orbit_client_words: the one rule)
-- are indexed once per statement from its transition table instead of once per row; updates keep the row
-- trigger (it compares old and new values).
drop trigger clients_search_words on clients;
create trigger clients_search_words after update on clients
    for each row execute function orbit_index_client_words();

create function orbit_index_new_client_words() returns trigger
    language plpgsql
    as $$
begin
    insert into client_search_words (tenant_id, word, client_id, name_key)
    select n.tenant_id, w, n.id, n.name_key
    from new_rows n, orbit_client_words(n.name, n.contact_name, n.contact_email) w
    where n.deleted_at is null
    on conflict do nothing;
    return null;
end
$$;
create trigger clients_search_words_insert after insert on clients referencing new table as new_rows
    for each statement execute function orbit_index_new_client_words();
