-- Seams before growth (issue 11): pipelines as data, sort keys that indexes can use under row-level
-- security, one way to reference "any record", tenant-scoped event publications and secrets, and the
-- narrow functions through which housekeeping finds the workspaces it has work in.
--
-- Under RLS, PostgreSQL uses an index condition only if its operator is LEAKPROOF: text, int8,
-- timestamptz and uuid comparisons are; numeric comparisons, lower() and jsonb operators are not. So
-- every sort and keyset column below is stored (text collate "C", int8), never computed in a WHERE.

-- This migration rewrites rows of every workspace; the owner runs it. FORCE is lifted for the rewrite
-- and restored at the end (in this same transaction: nobody ever sees the tables without it).
alter table tenants no force row level security;
alter table clients no force row level security;
alter table crm_deals no force row level security;

-- ---- Housekeeping may list workspaces ------------------------------------------------------------
-- The functions at the end run as the owner (SECURITY DEFINER) to find which workspaces have work; they
-- look into each workspace by setting orbit.tenant_id, so tenant tables keep their one policy. The
-- owner may list workspace ids, nothing else. The application role is not the owner: this changes
-- nothing for it.
do $$
begin
    execute format('create policy housekeeping_lists_workspaces on tenants for select to %I using (true)',
                   current_user);
end
$$;

-- ---- Pipelines as data ---------------------------------------------------------------------------
create table pipelines (
    tenant_id    uuid          not null references tenants (id) on delete cascade,
    id           uuid          not null default gen_random_uuid(),
    name         varchar(100)  not null check (length(btrim(name)) > 0),
    position     integer       not null default 0,
    is_default   boolean       not null default false,
    archived_at  timestamptz,
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    version      integer       not null default 0,
    primary key (tenant_id, id)
);
-- One default pipeline per workspace (the board's and the API's when none is named).
create unique index pipelines_default_key on pipelines (tenant_id) where is_default;
create trigger pipelines_touch before update on pipelines for each row execute function orbit_touch();

create table pipeline_stages (
    tenant_id    uuid          not null,
    pipeline_id  uuid          not null,
    key          varchar(50)   not null check (key ~ '^[a-z][a-z0-9_]{0,49}$'),
    label        varchar(100)  not null check (length(btrim(label)) > 0),
    color        varchar(7)    not null check (color ~ '^#[0-9a-f]{6}$'),
    position     integer       not null,
    probability  integer       not null check (probability between 0 and 100),
    kind         varchar(10)   not null check (kind in ('open', 'won', 'lost')),
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    version      integer       not null default 0,
    primary key (tenant_id, pipeline_id, key),
    check (kind <> 'won' or probability = 100),
    check (kind <> 'lost' or probability = 0),
    foreign key (tenant_id, pipeline_id) references pipelines (tenant_id, id) on delete cascade
);
create trigger pipeline_stages_touch before update on pipeline_stages for each row execute function orbit_touch();

-- The seed's stages (lead → … → closed_won / closed_lost, 10/25/50/75/100/0 %). The application's
-- domain holds the same list (Pipeline.defaultStages()); a test holds the two together.
create function orbit_default_stages()
    returns table (key text, label text, color text, ord int, probability int, kind text)
    language sql immutable parallel safe
    as $$
        values ('lead', 'Lead', '#64748b', 1, 10, 'open'),
               ('qualified', 'Qualified', '#3b82f6', 2, 25, 'open'),
               ('proposal', 'Proposal', '#8b5cf6', 3, 50, 'open'),
               ('negotiation', 'Negotiation', '#f59e0b', 4, 75, 'open'),
               ('closed_won', 'Closed Won', '#10b981', 5, 100, 'won'),
               ('closed_lost', 'Closed Lost', '#ef4444', 6, 0, 'lost')
    $$;

-- Every existing workspace gets its default pipeline; new ones get it from the application at sign-up.
insert into pipelines (tenant_id, name, position, is_default)
select id, 'Sales pipeline', 0, true from tenants;
insert into pipeline_stages (tenant_id, pipeline_id, key, label, color, position, probability, kind)
select p.tenant_id, p.id, s.key, s.label, s.color, s.ord, s.probability, s.kind
from pipelines p cross join orbit_default_stages() s;

-- ---- Deals: on a pipeline, in a stage of it, at a rank that sorts as text ---------------------------
-- Ranks become fractional-index keys (Rank in the domain): base-62 text compared byte by byte, so a
-- column's "load more" is an index range under RLS (numeric comparisons are not leakproof). The n-th
-- integer key, as Rank.ofIndex(n) makes it (a test compares the two):
create function orbit_rank_key(n bigint) returns text language sql immutable strict parallel safe as $$
  with recursive
    -- Head 'a' holds the 62 one-digit keys a0..az, 'b' the 62^2 two-digit keys b00..bzz, and so on;
    -- first_index is the index of a band's first key. Every bigint falls in one of 'a'..'k'.
    band(digits, first_index, size) as (
      select 1, 0::numeric, 62::numeric
      union all
      select digits + 1, first_index + size, size * 62 from band where digits < 11
    ),
    picked(digits, rest) as (
      select digits, n - first_index from band where n >= first_index and n < first_index + size
    ),
    -- The offset inside the band in base 62 (0-9A-Za-z), exactly `digits` digits, built from the right.
    spelled(remaining, rest, suffix) as (
      select digits, rest, ''::text from picked
      union all
      select remaining - 1, div(rest, 62),
             substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', mod(rest, 62)::int + 1, 1)
               || suffix
        from spelled where remaining > 0
    )
  select chr(ascii('a') + picked.digits - 1) || spelled.suffix
    from picked, spelled
   where spelled.remaining = 0
$$;

alter table crm_deals add column pipeline_id uuid;
alter table crm_deals add column rank text collate "C";
update crm_deals d set pipeline_id = p.id from pipelines p where p.tenant_id = d.tenant_id and p.is_default;
-- Each column keeps its order (trashed deals too, so that restoring one never collides).
update crm_deals d set rank = orbit_rank_key(r.n - 1)
from (select tenant_id, id, row_number() over (partition by tenant_id, stage
                                               order by stage_order, created_at, id) as n
      from crm_deals) r
where r.tenant_id = d.tenant_id and r.id = d.id;
alter table crm_deals alter column pipeline_id set not null;
alter table crm_deals alter column rank set not null;
alter table crm_deals add constraint crm_deals_rank_check check (rank ~ '^[A-Za-z][0-9A-Za-z]*$');
alter table crm_deals alter column stage drop default;
alter table crm_deals add foreign key (tenant_id, pipeline_id) references pipelines (tenant_id, id);
alter table crm_deals add foreign key (tenant_id, pipeline_id, stage)
    references pipeline_stages (tenant_id, pipeline_id, key);
drop index crm_deals_board_idx;
drop index crm_deals_totals_idx;
alter table crm_deals drop column stage_order;
create unique index crm_deals_board_idx on crm_deals (tenant_id, pipeline_id, stage, rank) where deleted_at is null;
create index crm_deals_totals_idx on crm_deals (tenant_id, pipeline_id, stage, currency) include (value, probability)
    where deleted_at is null;
create index crm_deals_trash_idx on crm_deals (tenant_id, deleted_at) where deleted_at is not null;

-- A client purged from the trash no longer takes its deals with it: they keep their history (won
-- revenue included) without a client.
alter table crm_deals drop constraint crm_deals_tenant_id_client_id_fkey;
alter table crm_deals add foreign key (tenant_id, client_id) references clients (tenant_id, id)
    on delete set null (client_id);

-- ---- Clients: sort keys stored where a keyset can use them -----------------------------------------
alter table clients add column name_key text collate "C" generated always as (lower(name)) stored;
alter table clients add column spend_key bigint
    generated always as ((coalesce(estimated_monthly_spend, 0) * 100)::bigint) stored;
drop index clients_name_idx;
drop index clients_spend_idx;
create index clients_name_idx on clients (tenant_id, name_key, id) where deleted_at is null;
create index clients_spend_idx on clients (tenant_id, spend_key, id) where deleted_at is null;

-- The search words carry the same key, so a search sorted by name pages like the list.
alter table client_search_words alter column name_key type text collate "C";
create or replace function orbit_index_client_words() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'UPDATE' then
        if new.name is not distinct from old.name and new.contact_name is not distinct from old.contact_name
           and new.contact_email is not distinct from old.contact_email
           and (new.deleted_at is null) = (old.deleted_at is null) then
            return new;
        end if;
        delete from client_search_words where tenant_id = new.tenant_id and client_id = new.id;
    end if;
    if new.deleted_at is null then
        insert into client_search_words (tenant_id, word, client_id, name_key)
        select new.tenant_id, w, new.id, new.name_key
        from orbit_client_words(new.name, new.contact_name, new.contact_email) w
        on conflict do nothing;
    end if;
    return new;
end
$$;

-- ---- "Any record": the record types are not a closed list in the schema ---------------------------
-- Which types exist is the application's knowledge (one RecordDirectory per owning module); the schema
-- only keeps the key's shape, so a new record type needs no migration of four tables.
alter table crm_activities drop constraint crm_activities_entity_type_check;
alter table crm_activities add constraint crm_activities_entity_type_check check (entity_type ~ '^[a-z][a-z_]{0,49}$');
alter table crm_notes drop constraint crm_notes_entity_type_check;
alter table crm_notes add constraint crm_notes_entity_type_check check (entity_type ~ '^[a-z][a-z_]{0,49}$');
alter table crm_custom_fields drop constraint crm_custom_fields_entity_type_check;
alter table crm_custom_fields add constraint crm_custom_fields_entity_type_check
    check (entity_type ~ '^[a-z][a-z_]{0,49}$');
alter table crm_custom_field_values drop constraint crm_custom_field_values_entity_type_check;
alter table crm_custom_field_values add constraint crm_custom_field_values_entity_type_check
    check (entity_type ~ '^[a-z][a-z_]{0,49}$');
-- Purging a record deletes its notes, trashed ones too (the feed's index covers activities).
create index crm_notes_record_idx on crm_notes (tenant_id, entity_type, entity_id);

-- ---- Event publications belong to a workspace ------------------------------------------------------
-- Events carry their workspace; a publication is stored in its publisher's transaction, so its
-- workspace is the transaction's. The application role sees only the current workspace's publications.
alter table event_publication add column tenant_id uuid;
update event_publication set tenant_id = (serialized_event::jsonb #>> '{tenant,value}')::uuid
where serialized_event ~ '^\s*\{' and (serialized_event::jsonb #>> '{tenant,value}')
    ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
delete from event_publication where tenant_id is null or tenant_id not in (select id from tenants);
alter table event_publication alter column tenant_id set default orbit_current_tenant();
alter table event_publication alter column tenant_id set not null;
alter table event_publication add foreign key (tenant_id) references tenants (id) on delete cascade;
create index event_publication_tenant_idx on event_publication (tenant_id, completion_date);

-- ---- Secrets per workspace --------------------------------------------------------------------------
-- The key that signs a workspace's e-mail tracking tokens is its own, under the same policy as its rows.
-- Workspaces that exist keep the installation's key, so tokens already sent out keep working.
create table tenant_secrets (
    tenant_id   uuid        not null references tenants (id) on delete cascade,
    name        varchar(50) not null check (name ~ '^[a-z][a-z_]{0,49}$'),
    value       bytea       not null check (length(value) >= 32),
    created_at  timestamptz not null default now(),
    primary key (tenant_id, name)
);
insert into tenant_secrets (tenant_id, name, value)
select t.id, 'email_tracking', s.value from tenants t join orbit_secrets s on s.name = 'email-tracking';
drop table orbit_secrets;

-- ---- Row-level security on the new tables, and back to FORCE everywhere ----------------------------
do $$
declare
    t text;
begin
    foreach t in array array['pipelines', 'pipeline_stages', 'event_publication', 'tenant_secrets']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = orbit_current_tenant()) '
                       'with check (tenant_id = orbit_current_tenant())', t);
    end loop;
end
$$;
grant select, insert, update, delete on pipelines, pipeline_stages to ${appRole};
-- A secret is made once and kept: the application may read and add, never change or remove one.
grant select, insert on tenant_secrets to ${appRole};

alter table tenants force row level security;
alter table clients force row level security;
alter table crm_deals force row level security;

-- ---- Housekeeping: which workspaces have work ------------------------------------------------------
-- The application role cannot list workspaces, nor see another workspace's rows. These functions run as
-- the owner, look into each workspace under its own policy, and answer workspace ids only; the work
-- itself (purging, redelivering) is then done by the application inside each workspace, as usual.

-- Workspaces with clients or deals in the trash since before the cutoff (RestoreWindow in the domain).
create function orbit_workspaces_with_trash_before(cutoff timestamptz) returns setof uuid
    language plpgsql security definer set search_path = public, pg_temp
    as $$
declare
    caller text := current_setting('orbit.tenant_id', true);
    t uuid;
begin
    for t in select id from tenants order by id loop
        perform set_config('orbit.tenant_id', t::text, true);
        if exists (select 1 from clients where tenant_id = t and deleted_at < cutoff)
           or exists (select 1 from crm_deals where tenant_id = t and deleted_at < cutoff) then
            return next t;
        end if;
    end loop;
    perform set_config('orbit.tenant_id', coalesce(caller, ''), true);
end
$$;

-- Workspaces with event publications not yet completed (to redeliver after a restart).
create function orbit_workspaces_with_pending_events() returns setof uuid
    language plpgsql security definer set search_path = public, pg_temp
    as $$
declare
    caller text := current_setting('orbit.tenant_id', true);
    t uuid;
begin
    for t in select id from tenants order by id loop
        perform set_config('orbit.tenant_id', t::text, true);
        if exists (select 1 from event_publication where tenant_id = t and completion_date is null) then
            return next t;
        end if;
    end loop;
    perform set_config('orbit.tenant_id', coalesce(caller, ''), true);
end
$$;

-- Deletes completed publications older than the cutoff in every workspace; answers how many.
create function orbit_delete_completed_events_before(cutoff timestamptz) returns bigint
    language plpgsql security definer set search_path = public, pg_temp
    as $$
declare
    caller text := current_setting('orbit.tenant_id', true);
    t uuid;
    n bigint;
    total bigint := 0;
begin
    for t in select id from tenants order by id loop
        perform set_config('orbit.tenant_id', t::text, true);
        delete from event_publication where tenant_id = t and completion_date < cutoff;
        get diagnostics n = row_count;
        total := total + n;
    end loop;
    perform set_config('orbit.tenant_id', coalesce(caller, ''), true);
    return total;
end
$$;

revoke all on function orbit_workspaces_with_trash_before(timestamptz), orbit_workspaces_with_pending_events(),
    orbit_delete_completed_events_before(timestamptz) from public;
grant execute on function orbit_workspaces_with_trash_before(timestamptz), orbit_workspaces_with_pending_events(),
    orbit_delete_completed_events_before(timestamptz) to ${appRole};
