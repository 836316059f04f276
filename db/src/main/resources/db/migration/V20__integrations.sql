-- Integrations (issue 20): idempotent API writes, and webhooks — endpoints admins register, deliveries signed per
-- the Standard Webhooks spec, sent from the transactional outbox and retried for about a day.

-- ---- Idempotency keys ------------------------------------------------------------------------------------
-- One row per (workspace, principal, key): the first request's fingerprint (method, path, body) and, once it
-- finished, its answer. The row is inserted before the request's work, in the same transaction, so a concurrent
-- duplicate waits on the primary key and then answers what the first one answered. Purged after 24 hours
-- (platform.IdempotencyKey.RETENTION) by a housekeeping job.
create table idempotency_keys (
    tenant_id     uuid          not null references tenants (id) on delete cascade,
    -- who sent it: 'token:<id>' for an API token, 'user:<id>' for a session or HTTP Basic.
    principal     varchar(60)   not null,
    key           varchar(255)  not null,
    fingerprint   bytea         not null,
    status        integer,
    content_type  varchar(255),
    -- Location and ETag of the first answer, as sent.
    headers       jsonb         not null default '{}',
    body          bytea,
    created_at    timestamptz   not null default now(),
    primary key (tenant_id, principal, key)
);
create index idempotency_keys_created_idx on idempotency_keys (tenant_id, created_at);

-- ---- Webhooks ----------------------------------------------------------------------------------------------
create table webhook_endpoints (
    tenant_id        uuid          not null references tenants (id) on delete cascade,
    id               uuid          not null,
    url              varchar(2000) not null,
    description      varchar(200),
    event_types      text[]        not null check (cardinality(event_types) between 1 and 30),
    -- whsec_<base64>: needed in the clear to sign; shown to the admin once, when made or rotated.
    secret           varchar(200)  not null,
    enabled          boolean       not null default true,
    disabled_reason  text,
    disabled_at      timestamptz,
    created_by       uuid,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    version          integer       not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, created_by) references memberships (tenant_id, user_id) on delete set null (created_by)
);
create index webhook_endpoints_created_idx on webhook_endpoints (tenant_id, created_at);

-- One message to one endpoint (its id is the webhook-id header, the same on every attempt).
create table webhook_deliveries (
    tenant_id        uuid          not null,
    id               uuid          not null,
    endpoint_id      uuid          not null,
    event_type       varchar(50)   not null,
    -- the exact bytes signed and sent.
    payload          text          not null,
    status           varchar(20)   not null check (status in ('pending', 'succeeded', 'failed')),
    attempts         integer       not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    created_at       timestamptz   not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, endpoint_id) references webhook_endpoints (tenant_id, id) on delete cascade
);
-- The settings page: an endpoint's latest deliveries first.
create index webhook_deliveries_endpoint_idx on webhook_deliveries (tenant_id, endpoint_id, created_at desc, id);

-- Every attempt of a delivery: what the receiver answered and how long it took.
create table webhook_attempts (
    tenant_id         uuid          not null,
    delivery_id       uuid          not null,
    attempt           integer       not null check (attempt >= 1),
    at                timestamptz   not null,
    status_code       integer,
    duration_ms       integer       not null check (duration_ms >= 0),
    response_excerpt  text,
    error             text,
    primary key (tenant_id, delivery_id, attempt),
    foreign key (tenant_id, delivery_id) references webhook_deliveries (tenant_id, id) on delete cascade
);

do $$
declare
    t text;
begin
    foreach t in array array['idempotency_keys', 'webhook_endpoints', 'webhook_deliveries', 'webhook_attempts']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = orbit_current_tenant()) '
                       'with check (tenant_id = orbit_current_tenant())', t);
    end loop;
end $$;
grant select, insert, update, delete on idempotency_keys, webhook_endpoints, webhook_deliveries, webhook_attempts
    to ${appRole};

-- Deletes idempotency keys older than the cutoff in every workspace; answers how many (as V9's event clean-up).
create function orbit_delete_idempotency_keys_before(cutoff timestamptz) returns bigint
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
        delete from idempotency_keys where tenant_id = t and created_at < cutoff;
        get diagnostics n = row_count;
        total := total + n;
    end loop;
    perform set_config('orbit.tenant_id', coalesce(caller, ''), true);
    return total;
end
$$;
revoke all on function orbit_delete_idempotency_keys_before(timestamptz) from public;
grant execute on function orbit_delete_idempotency_keys_before(timestamptz) to ${appRole};

-- The webhook deliveries' db-scheduler table (one execution per delivery attempt due; its own table, see V14).
create table scheduled_webhooks (
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
create index scheduled_webhooks_execution_time_idx on scheduled_webhooks (execution_time);
create index scheduled_webhooks_last_heartbeat_idx on scheduled_webhooks (last_heartbeat);
create index scheduled_webhooks_priority_execution_time_idx on scheduled_webhooks (priority desc, execution_time asc);
grant select, insert, update, delete on scheduled_webhooks to ${appRole};
