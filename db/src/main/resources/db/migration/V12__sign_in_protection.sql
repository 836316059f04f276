-- Signing in under attack, resetting a password, and sessions every instance shares (docs/architecture.md,
-- "Signing in"). Every table here is global — about accounts, addresses and sessions, not a workspace's data —
-- so none has a tenant_id or row-level security, like scheduled_tasks (V11). The application role reads
-- and writes them; only the code of the tenancy module touches them.

-- Token buckets of Bucket4j's PostgreSQL proxy manager (select … for update): one row per throttled key —
-- 'sign-in:account:<e-mail>', 'sign-in:address:<client address>', 'reset:account:…', 'reset:address:…'. The
-- state is Bucket4j's own serialisation; expires_at (epoch milliseconds) is when a bucket would be full again,
-- after which the row is only clutter and housekeeping deletes it.
create table sign_in_buckets (
    id          varchar(300) not null primary key,
    state       bytea,
    expires_at  bigint
);
create index sign_in_buckets_expires_idx on sign_in_buckets (expires_at);

-- Consecutive failed sign-ins per e-mail address, whether or not an account has it (an unknown address is
-- throttled and locked the same way, so the answers reveal nothing). A successful sign-in or a password reset
-- deletes the row; locked_until in the future refuses every sign-in with that address, the right password too.
create table sign_in_locks (
    email                 varchar(255) not null primary key check (email = lower(email)),
    consecutive_failures  integer      not null check (consecutive_failures >= 0),
    last_failure_at       timestamptz  not null,
    locked_until          timestamptz
);
create index sign_in_locks_last_failure_idx on sign_in_locks (last_failure_at);

-- Failed sign-ins of real accounts, for their owner to see (Settings → Profile): when, from where, how.
create table sign_in_failures (
    id          bigint       generated always as identity primary key,
    user_id     uuid         not null references users (id) on delete cascade,
    failed_at   timestamptz  not null default now(),
    address     varchar(64)  not null,
    channel     varchar(20)  not null check (channel in ('form', 'api', 'api_token'))
);
create index sign_in_failures_user_idx on sign_in_failures (user_id, failed_at desc);
create index sign_in_failures_failed_at_idx on sign_in_failures (failed_at);

-- Password reset links: only the SHA-256 of the secret is stored (like api_tokens); single use (used_at) and
-- short-lived (expires_at). created_by is the admin who made the link by hand (mail off), else null.
create table password_resets (
    token_hash  char(64)     not null primary key check (token_hash ~ '^[0-9a-f]{64}$'),
    user_id     uuid         not null references users (id) on delete cascade,
    created_at  timestamptz  not null default now(),
    expires_at  timestamptz  not null,
    used_at     timestamptz,
    created_by  uuid         references users (id) on delete set null
);
create index password_resets_user_idx on password_resets (user_id);
create index password_resets_expires_idx on password_resets (expires_at);

grant select, insert, update, delete on sign_in_buckets, sign_in_locks, sign_in_failures, password_resets
    to ${appRole};

-- How many workspaces an account belongs to. An admin may hand a member a reset link only when the account is
-- in no workspace but theirs (else they could take over someone's access elsewhere); the application role
-- cannot see other workspaces' memberships, so this looks as the owner and answers a number only.
create function orbit_workspace_count_of(account uuid) returns integer
    language plpgsql security definer set search_path = public, pg_temp
    as $$
declare
    caller text := current_setting('orbit.user_id', true);
    n integer;
begin
    -- memberships' RLS is forced on the owner too: look as that account (its own memberships policy).
    perform set_config('orbit.user_id', account::text, true);
    select count(*) into n from memberships where user_id = account;
    perform set_config('orbit.user_id', coalesce(caller, ''), true);
    return n;
end
$$;
revoke all on function orbit_workspace_count_of(uuid) from public;
grant execute on function orbit_workspace_count_of(uuid) to ${appRole};

-- Spring Session JDBC (PostgreSQL schema of spring-session-jdbc; spring.session.jdbc.initialize-schema=never):
-- a signed-in browser's session, read by whichever instance gets the request. principal_name (the account's
-- e-mail) is indexed so that a password reset can end every session of the account; it is as long as
-- users.email may be (the stock schema has 100).
create table spring_session (
    primary_id             char(36)     not null,
    session_id             char(36)     not null,
    creation_time          bigint       not null,
    last_access_time       bigint       not null,
    max_inactive_interval  integer      not null,
    expiry_time            bigint       not null,
    principal_name         varchar(255),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36)     not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

grant select, insert, update, delete on spring_session, spring_session_attributes to ${appRole};
