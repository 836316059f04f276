-- Orbit CRM: the tenancy foundation.
--
-- Rules that every later migration follows (docs/architecture.md, "Tenancy"):
--  * every tenant table has tenant_id NOT NULL and a primary key (tenant_id, id);
--  * every reference to another tenant row is a composite foreign key (tenant_id, x_id);
--  * every updatable row has a version, bumped (with updated_at) by orbit_touch();
--  * row-level security is ENABLED and FORCED, with a policy on orbit_current_tenant(), which reads
--    the transaction-local setting orbit.tenant_id. No setting means no rows: RLS fails closed.
--  * the application connects as ${appRole}: neither superuser nor owner, so RLS really applies.

create extension if not exists pg_trgm;

-- The tenant and user of the current transaction, set by the application with
-- set_config('orbit.tenant_id', ..., true). An unset or reset setting reads as NULL, which matches
-- no row. Written as plain SQL so that the planner inlines them and can use (tenant_id, ...) indexes.
create function orbit_current_tenant() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('orbit.tenant_id', true), '')::uuid $$;

create function orbit_current_user() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('orbit.user_id', true), '')::uuid $$;

-- Optimistic locking and timestamps in one place, so that no writer can forget them.
create function orbit_touch() returns trigger
    language plpgsql
    as $$
begin
    new.updated_at := now();
    new.version := old.version + 1;
    return new;
end
$$;

-- A workspace. Its id is the tenant id of every row it owns.
create table tenants (
    id          uuid         not null default gen_random_uuid() primary key,
    name        varchar(255) not null check (length(btrim(name)) > 0),
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    version     integer      not null default 0
);
create trigger tenants_touch before update on tenants for each row execute function orbit_touch();

-- A person who can sign in. Users are global (one user may belong to several workspaces);
-- what they may see is decided by their memberships.
create table users (
    id             uuid         not null default gen_random_uuid() primary key,
    email          varchar(255) not null check (email = lower(email) and position('@' in email) > 1),
    name           varchar(255) not null check (length(btrim(name)) > 0),
    password_hash  varchar(255) not null,
    last_login_at  timestamptz,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    version        integer      not null default 0
);
create unique index users_email_key on users (email);
create trigger users_touch before update on users for each row execute function orbit_touch();

create table memberships (
    tenant_id   uuid        not null references tenants (id) on delete cascade,
    user_id     uuid        not null references users (id) on delete cascade,
    role        varchar(20) not null check (role in ('owner', 'admin', 'member', 'viewer')),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0,
    primary key (tenant_id, user_id)
);
create index memberships_user_idx on memberships (user_id);
create trigger memberships_touch before update on memberships for each row execute function orbit_touch();

-- Personal API tokens. Only a SHA-256 of the secret is stored; the secret is shown once.
create table api_tokens (
    tenant_id     uuid         not null,
    id            uuid         not null default gen_random_uuid(),
    user_id       uuid         not null,
    name          varchar(100) not null check (length(btrim(name)) > 0),
    token_hash    char(64)     not null check (token_hash ~ '^[0-9a-f]{64}$'),
    token_prefix  varchar(16)  not null,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    last_used_at  timestamptz,
    expires_at    timestamptz,
    revoked_at    timestamptz,
    version       integer      not null default 0,
    primary key (tenant_id, id),
    -- Removing a member from a workspace removes their tokens for it.
    foreign key (tenant_id, user_id) references memberships (tenant_id, user_id) on delete cascade
);
create unique index api_tokens_hash_key on api_tokens (token_hash);
create index api_tokens_user_idx on api_tokens (tenant_id, user_id);
create trigger api_tokens_touch before update on api_tokens for each row execute function orbit_touch();

-- Row-level security ---------------------------------------------------------------------------

alter table tenants enable row level security;
alter table tenants force row level security;
-- The current workspace, and (read-only) every workspace the current user belongs to, for the switcher.
create policy tenant_isolation on tenants
    using (id = orbit_current_tenant()) with check (id = orbit_current_tenant());
create policy tenant_of_current_user on tenants for select
    using (id in (select m.tenant_id from memberships m where m.user_id = orbit_current_user()));

alter table memberships enable row level security;
alter table memberships force row level security;
create policy tenant_isolation on memberships
    using (tenant_id = orbit_current_tenant()) with check (tenant_id = orbit_current_tenant());
-- A signed-in user may list their own memberships across workspaces (to pick one); read-only.
create policy membership_of_current_user on memberships for select
    using (user_id = orbit_current_user());

alter table api_tokens enable row level security;
alter table api_tokens force row level security;
create policy tenant_isolation on api_tokens
    using (tenant_id = orbit_current_tenant()) with check (tenant_id = orbit_current_tenant());
-- Authenticating a bearer token: only whoever holds the secret knows its hash, so this reveals
-- exactly the one row the caller can already prove to own.
create policy token_by_presented_hash on api_tokens for select
    using (token_hash = nullif(current_setting('orbit.token_hash', true), ''));

-- Users are global, but nobody lists them: a user sees themself, the members of the current
-- workspace, and the one account whose e-mail is being signed in with.
alter table users enable row level security;
alter table users force row level security;
create policy user_visible on users for select
    using (id = orbit_current_user()
        or email = nullif(current_setting('orbit.login_email', true), '')
        or id in (select m.user_id from memberships m where m.tenant_id = orbit_current_tenant()));
-- Signing up, or an admin adding a new person, creates a user row; it is invisible until joined.
create policy user_insert on users for insert with check (true);
create policy user_update_self on users for update
    using (id = orbit_current_user()) with check (id = orbit_current_user());

grant usage on schema public to ${appRole};
grant select, insert, update, delete on tenants, users, memberships, api_tokens to ${appRole};
