-- Tasks people work from, and the command bar's search (issue 17).

-- ---- Tasks -------------------------------------------------------------------------------------------
-- A `task` activity is a real task: due (an instant; "today" is the member's zone's), an assignee who is a
-- member of the workspace (composite key: a member leaving unassigns it), a priority, and done/undone. The
-- rules are the domain's (timeline.Task, timeline.TaskDue); these columns only hold them.
alter table crm_activities add column due_at       timestamptz,
                           add column assignee_id  uuid,
                           add column priority     varchar(10) check (priority in ('low', 'normal', 'high')),
                           add column completed_at timestamptz,
                           add column completed_by uuid references users (id) on delete set null,
                           -- The keyset of the task lists: open tasks by due time, those without one last. A stored
                           -- timestamptz, so its comparisons are leakproof and the cursor is an Index Cond under RLS.
                           add column due_key      timestamptz not null
                               generated always as (coalesce(due_at, timestamptz '9999-12-31 00:00:00+00')) stored,
                           add constraint crm_activities_assignee_fkey foreign key (tenant_id, assignee_id)
                               references memberships (tenant_id, user_id) on delete set null (assignee_id);

-- The owner running this migration is subject to the forced policy too: lift it for the update only.
alter table crm_activities no force row level security;
update crm_activities set priority = 'normal' where activity_type = 'task';
alter table crm_activities force row level security;
alter table crm_activities add constraint crm_activities_task_check check (
    case when activity_type = 'task' then priority is not null
         else due_at is null and assignee_id is null and priority is null and completed_at is null
    end),
    add constraint crm_activities_completed_check check ((completed_at is null) or activity_type = 'task'),
    add constraint crm_activities_completed_by_check check (completed_by is null or completed_at is not null);

-- Completing or reopening a task writes a `task_status` entry in its record's timeline (system only).
alter table crm_activities drop constraint crm_activities_activity_type_check;
alter table crm_activities add constraint crm_activities_activity_type_check check (activity_type in
    ('email', 'call', 'meeting', 'note', 'task', 'sms', 'status_change', 'document', 'task_status'));

-- My tasks (one assignee) and everyone's (an admin's view, the API without assigneeId): open ones by due time,
-- done ones newest first. Partial on the task rows only, so the million other activities cost nothing here.
create index crm_tasks_open_assignee_idx on crm_activities (tenant_id, assignee_id, due_key, id)
    where activity_type = 'task' and completed_at is null;
create index crm_tasks_open_idx on crm_activities (tenant_id, due_key, id)
    where activity_type = 'task' and completed_at is null;
create index crm_tasks_done_assignee_idx on crm_activities (tenant_id, assignee_id, completed_at desc, id desc)
    where activity_type = 'task' and completed_at is not null;
create index crm_tasks_done_idx on crm_activities (tenant_id, completed_at desc, id desc)
    where activity_type = 'task' and completed_at is not null;

-- ---- Search words of deals and meetings (the command bar) --------------------------------------------
-- The clients' way (V4): under row-level security only leakproof operators use an index, so a search is a
-- range scan of word prefixes in a (tenant, word) B-tree, never LIKE. One table per owning module: deals
-- (words of the name, the contact's name and e-mail, the whole e-mail: orbit_client_words, the one rule) and
-- meetings (words of the title). Trashed records have no words. Kept by triggers: per statement on insert
-- (imports insert deals a thousand at a time), per row on update.
create table deal_search_words (
    tenant_id  uuid         not null,
    word       text collate "C" not null,
    deal_id    uuid         not null,
    primary key (tenant_id, word, deal_id),
    foreign key (tenant_id, deal_id) references crm_deals (tenant_id, id) on delete cascade
);
create index deal_search_words_deal_idx on deal_search_words (tenant_id, deal_id);

create table meeting_search_words (
    tenant_id   uuid         not null,
    word        text collate "C" not null,
    meeting_id  uuid         not null,
    primary key (tenant_id, word, meeting_id),
    foreign key (tenant_id, meeting_id) references crm_meetings (tenant_id, id) on delete cascade
);
create index meeting_search_words_meeting_idx on meeting_search_words (tenant_id, meeting_id);

do $$
declare
    t text;
begin
    foreach t in array array['deal_search_words', 'meeting_search_words']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = orbit_current_tenant()) '
                       'with check (tenant_id = orbit_current_tenant())', t);
    end loop;
end $$;
grant select, insert, update, delete on deal_search_words, meeting_search_words to ${appRole};

create function orbit_index_deal_words() returns trigger
    language plpgsql
    as $$
begin
    if new.name is not distinct from old.name and new.contact_name is not distinct from old.contact_name
       and new.contact_email is not distinct from old.contact_email
       and (new.deleted_at is null) = (old.deleted_at is null) then
        return new;
    end if;
    delete from deal_search_words where tenant_id = new.tenant_id and deal_id = new.id;
    if new.deleted_at is null then
        insert into deal_search_words (tenant_id, word, deal_id)
        select new.tenant_id, w, new.id from orbit_client_words(new.name, new.contact_name, new.contact_email) w
        on conflict do nothing;
    end if;
    return new;
end
$$;
create trigger crm_deals_search_words after update on crm_deals
    for each row execute function orbit_index_deal_words();

create function orbit_index_new_deal_words() returns trigger
    language plpgsql
    as $$
begin
    insert into deal_search_words (tenant_id, word, deal_id)
    select n.tenant_id, w, n.id
    from new_rows n, orbit_client_words(n.name, n.contact_name, n.contact_email) w
    where n.deleted_at is null
    on conflict do nothing;
    return null;
end
$$;
create trigger crm_deals_search_words_insert after insert on crm_deals referencing new table as new_rows
    for each statement execute function orbit_index_new_deal_words();

create function orbit_index_meeting_words() returns trigger
    language plpgsql
    as $$
begin
    if new.title is not distinct from old.title and (new.deleted_at is null) = (old.deleted_at is null) then
        return new;
    end if;
    delete from meeting_search_words where tenant_id = new.tenant_id and meeting_id = new.id;
    if new.deleted_at is null then
        insert into meeting_search_words (tenant_id, word, meeting_id)
        select new.tenant_id, w, new.id from orbit_client_words(new.title, null, null) w
        on conflict do nothing;
    end if;
    return new;
end
$$;
create trigger crm_meetings_search_words after update on crm_meetings
    for each row execute function orbit_index_meeting_words();

create function orbit_index_new_meeting_words() returns trigger
    language plpgsql
    as $$
begin
    insert into meeting_search_words (tenant_id, word, meeting_id)
    select n.tenant_id, w, n.id
    from new_rows n, orbit_client_words(n.title, null, null) w
    where n.deleted_at is null
    on conflict do nothing;
    return null;
end
$$;
create trigger crm_meetings_search_words_insert after insert on crm_meetings referencing new table as new_rows
    for each statement execute function orbit_index_new_meeting_words();

-- Rows written before this migration (the owner is subject to the forced policies: lifted for the copy).
alter table deal_search_words no force row level security;
alter table meeting_search_words no force row level security;
alter table crm_deals no force row level security;
alter table crm_meetings no force row level security;
insert into deal_search_words (tenant_id, word, deal_id)
select d.tenant_id, w, d.id
from crm_deals d, orbit_client_words(d.name, d.contact_name, d.contact_email) w
where d.deleted_at is null
on conflict do nothing;
insert into meeting_search_words (tenant_id, word, meeting_id)
select m.tenant_id, w, m.id
from crm_meetings m, orbit_client_words(m.title, null, null) w
where m.deleted_at is null
on conflict do nothing;
alter table deal_search_words force row level security;
alter table meeting_search_words force row level security;
alter table crm_deals force row level security;
alter table crm_meetings force row level security;
