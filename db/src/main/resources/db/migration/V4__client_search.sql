-- Clients list and search at 100,000 clients per workspace (issue 4).
-- Search is a substring match over name, contact name and contact e-mail: a trigram GIN index on
-- their lower-cased concatenation, led by tenant_id (btree_gin) so one workspace's rows are found
-- without scanning the others'.
create extension if not exists btree_gin;

create or replace function orbit_client_search_text(name text, contact_name text, contact_email text)
    returns text language sql immutable parallel safe
    as $$ select lower(coalesce(name, '') || ' ' || coalesce(contact_name, '') || ' ' || coalesce(contact_email, '')) $$;

create index clients_search_trgm_idx on clients
    using gin (tenant_id, orbit_client_search_text(name, contact_name, contact_email) gin_trgm_ops)
    where deleted_at is null;
-- Keyset paging for the other sort orders.
create index clients_created_idx on clients (tenant_id, created_at, id) where deleted_at is null;
create index clients_spend_idx on clients (tenant_id, coalesce(estimated_monthly_spend, 0), id) where deleted_at is null;
