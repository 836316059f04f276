-- Clients list and search at 100,000 clients per workspace among 1,000,000 (issue 4).
--
-- Search matches word prefixes of the name, the contact's name and the contact e-mail ("harb" finds
-- "Harbor Hospitality", "sofia.tan" finds sofia.tanaka@…). Why a word table and not a trigram index:
-- under row-level security PostgreSQL only uses an index condition whose operator is LEAKPROOF, and
-- LIKE/ILIKE/trigram operators are not (only a superuser could mark them), so a trigram index is never
-- used for the application role. Equality and range comparisons on text are leakproof: a btree on
-- (tenant_id, word) answers a prefix as a range scan inside one workspace. Each word row carries the
-- client's sort key (lower(name)), so a search sorted by name is answered from this index alone and
-- only the page's clients are read. Trashed clients have no words: they are not found.

create table client_search_words (
    tenant_id  uuid not null,
    word       text collate "C" not null,
    client_id  uuid not null,
    name_key   text not null,
    primary key (tenant_id, word, client_id) include (name_key),
    foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade
);
create index client_search_words_client_idx on client_search_words (tenant_id, client_id);

alter table client_search_words enable row level security;
alter table client_search_words force row level security;
create policy tenant_isolation on client_search_words
    using (tenant_id = orbit_current_tenant()) with check (tenant_id = orbit_current_tenant());
grant select, insert, update, delete on client_search_words to ${appRole};

-- The words of a client: lower-cased runs of letters and digits of the three fields, plus the whole
-- e-mail address, at most 100 characters each.
create function orbit_client_words(name text, contact_name text, contact_email text) returns setof text
    language sql immutable parallel safe
    as $$
        select distinct left(w, 100) from (
            select regexp_split_to_table(lower(coalesce(name, '') || ' ' || coalesce(contact_name, '') || ' '
                                               || coalesce(contact_email, '')), '[^[:alnum:]]+') as w
            union all
            select lower(contact_email)
        ) words
        where w is not null and w <> ''
    $$;

create function orbit_index_client_words() returns trigger
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
        select new.tenant_id, w, new.id, lower(new.name)
        from orbit_client_words(new.name, new.contact_name, new.contact_email) w
        on conflict do nothing;
    end if;
    return new;
end
$$;
create trigger clients_search_words after insert or update on clients
    for each row execute function orbit_index_client_words();

-- Rows written before this migration (a trigger cannot see them).
insert into client_search_words (tenant_id, word, client_id, name_key)
select c.tenant_id, w, c.id, lower(c.name)
from clients c, orbit_client_words(c.name, c.contact_name, c.contact_email) w
where c.deleted_at is null
on conflict do nothing;

-- Keyset paging for the other sort orders (name has clients_name_idx since V2).
create index clients_created_idx on clients (tenant_id, created_at, id) where deleted_at is null;
create index clients_spend_idx on clients (tenant_id, coalesce(estimated_monthly_spend, 0), id) where deleted_at is null;
