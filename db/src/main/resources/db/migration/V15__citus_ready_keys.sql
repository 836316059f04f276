-- Ready for Citus (docs/operations.md): every table that holds a workspace's rows can be distributed by
-- tenant_id, which needs every unique key and every foreign key between such tables to include tenant_id.
-- Two keys did not: held by CitusReadinessIntegrationTest from now on.

-- An API token is found by its hash before its workspace is known: the lookup keeps an index of its own, and
-- uniqueness (of 256-bit random values) is kept within the workspace.
drop index api_tokens_hash_key;
create unique index api_tokens_tenant_hash_key on api_tokens (tenant_id, token_hash);
create index api_tokens_hash_idx on api_tokens (token_hash);

-- Spring Modulith finds a publication by its id, always inside the publication's workspace.
alter table event_publication drop constraint event_publication_pkey;
alter table event_publication add primary key (tenant_id, id);
create index event_publication_id_idx on event_publication (id);
