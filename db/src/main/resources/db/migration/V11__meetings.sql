-- Meetings (issue 12): the original spec's shape for crm_meetings, attendees as rows (so "my meetings"
-- and answers use indexes under row-level security: jsonb operators are not leakproof), a persistent
-- reminder schedule shared by every instance (db-scheduler), each member's calendar feed key and time zone.

alter table crm_meetings no force row level security;

-- ---- crm_meetings in the spec's shape ------------------------------------------------------------
alter table crm_meetings drop constraint crm_meetings_location_type_check;
update crm_meetings set location_type = 'virtual' where location_type = 'video';
alter table crm_meetings alter column location_type set default 'virtual';
alter table crm_meetings add constraint crm_meetings_location_type_check
    check (location_type in ('virtual', 'in_person', 'phone'));

alter table crm_meetings drop constraint crm_meetings_status_check;
update crm_meetings set status = 'completed', outcome = coalesce(outcome, 'No show') where status = 'no_show';
alter table crm_meetings add constraint crm_meetings_status_check
    check (status in ('scheduled', 'completed', 'cancelled', 'rescheduled'));

-- "Any record" instead of a client only; the deal keeps its own column (the spec's dealId).
alter table crm_meetings add column entity_type varchar(50) check (entity_type ~ '^[a-z][a-z_]{0,49}$'),
                         add column entity_id   uuid,
                         add constraint crm_meetings_entity_check check ((entity_type is null) = (entity_id is null));
update crm_meetings set entity_type = 'client', entity_id = client_id where client_id is not null;
drop index crm_meetings_client_idx;
alter table crm_meetings drop column client_id;

-- A meeting about a client that served a deal outlives the deal (the deal id is cleared); a meeting about
-- the deal itself goes with it (the meetings module's listener).
alter table crm_meetings drop constraint crm_meetings_tenant_id_deal_id_fkey;
alter table crm_meetings add constraint crm_meetings_deal_fkey foreign key (tenant_id, deal_id)
    references crm_deals (tenant_id, id) on delete set null (deal_id);

-- One reminder, as in the spec, sent once per time the meeting is set for.
alter table crm_meetings alter column reminder_minutes drop default;
alter table crm_meetings alter column reminder_minutes drop not null;
alter table crm_meetings alter column reminder_minutes type integer using reminder_minutes[1];
alter table crm_meetings alter column reminder_minutes set default 15;
alter table crm_meetings add constraint crm_meetings_reminder_check check (reminder_minutes between 0 and 40320);
alter table crm_meetings add column reminder_sent boolean     not null default false,
                         add column reminded_at   timestamptz,
                         add column notes         text,
                         add column sequence      integer     not null default 0 check (sequence >= 0),
                         add column deleted_at    timestamptz;
alter table crm_meetings alter column timezone type varchar(64);
alter table crm_meetings alter column outcome type varchar(255);
alter table crm_meetings alter column location type varchar(500);
alter table crm_meetings alter column meeting_url type varchar(500);
-- MeetingDetails.MAX_DURATION: the range queries read the start index from 14 days before a window.
alter table crm_meetings add constraint crm_meetings_duration_check check (end_time <= start_time + interval '14 days');

-- ---- Attendees as rows ---------------------------------------------------------------------------
create table crm_meeting_attendees (
    tenant_id     uuid          not null,
    meeting_id    uuid          not null,
    position      integer       not null,
    email         varchar(255)  collate "C" not null check (email = lower(email) and position('@' in email) > 1),
    name          varchar(255),
    status        varchar(20)   not null default 'pending' check (status in ('pending', 'accepted', 'declined')),
    responded_at  timestamptz,
    primary key (tenant_id, meeting_id, email),
    foreign key (tenant_id, meeting_id) references crm_meetings (tenant_id, id) on delete cascade
);
-- "Meetings I am invited to", in start order (joined back to crm_meetings).
create index crm_meeting_attendees_email_idx on crm_meeting_attendees (tenant_id, email, meeting_id);

insert into crm_meeting_attendees (tenant_id, meeting_id, position, email, name, status, responded_at)
select m.tenant_id, m.id, min(a.ord)::int, lower(btrim(a.value ->> 'email')),
       max(nullif(btrim(a.value ->> 'name'), '')),
       case max(a.value ->> 'status') when 'accepted' then 'accepted' when 'declined' then 'declined' else 'pending' end,
       max((a.value ->> 'respondedAt')::timestamptz)
  from crm_meetings m, jsonb_array_elements(m.attendees) with ordinality a(value, ord)
 where position('@' in coalesce(a.value ->> 'email', '')) > 1
 group by m.tenant_id, m.id, lower(btrim(a.value ->> 'email'));
alter table crm_meetings drop column attendees;

-- ---- Indexes for the calendar, the record pages and the API's filters (all keys leakproof) ---------
drop index crm_meetings_start_idx;
drop index crm_meetings_deal_idx;
create index crm_meetings_start_idx on crm_meetings (tenant_id, start_time, id) where deleted_at is null;
create index crm_meetings_entity_idx on crm_meetings (tenant_id, entity_type, entity_id, start_time, id)
    where deleted_at is null;
create index crm_meetings_deal_idx on crm_meetings (tenant_id, deal_id, start_time, id) where deleted_at is null;
create index crm_meetings_organizer_idx on crm_meetings (tenant_id, organizer_id, start_time, id)
    where deleted_at is null;
-- The bell on every page: the reminders that went out to its organizer, latest first (attendees come
-- through crm_meeting_attendees_email_idx).
create index crm_meetings_reminded_idx on crm_meetings (tenant_id, organizer_id, reminded_at desc, id desc)
    where reminded_at is not null and deleted_at is null;

-- ---- Members' time zone and calendar feed ----------------------------------------------------------
alter table users add column time_zone varchar(64);

create table calendar_feeds (
    tenant_id   uuid        not null,
    user_id     uuid        not null,
    key_hash    bytea       not null check (length(key_hash) = 32),
    created_at  timestamptz not null default now(),
    primary key (tenant_id, user_id),
    foreign key (tenant_id, user_id) references memberships (tenant_id, user_id) on delete cascade
);
create unique index calendar_feeds_key_idx on calendar_feeds (tenant_id, key_hash);

do $$
declare
    t text;
begin
    foreach t in array array['crm_meeting_attendees', 'calendar_feeds']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = orbit_current_tenant()) '
                       'with check (tenant_id = orbit_current_tenant())', t);
    end loop;
end
$$;
grant select, insert, update, delete on crm_meeting_attendees, calendar_feeds to ${appRole};

-- ---- The reminder schedule (db-scheduler's table) --------------------------------------------------
-- Shared by every instance of the app: an execution is picked by one instance (optimistic version), and
-- one that was due while no instance ran is picked at the next start. It holds task names, ids of a
-- workspace and a meeting and times: no tenant data, so no row-level security.
create table scheduled_tasks (
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
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
grant select, insert, update, delete on scheduled_tasks to ${appRole};

alter table crm_meetings force row level security;

-- Sending a reminder is not an edit: it leaves the version (and updated_at) alone, so nobody editing the
-- meeting at that moment gets a conflict for it.
create function orbit_meetings_touch() returns trigger
    language plpgsql
    as $$
begin
    -- Only the reminder columns changed: the reminder went out. Anything else (even a rewrite of the same
    -- values, as when only the attendees' rows changed) is an edit.
    if (to_jsonb(new) - 'reminder_sent' - 'reminded_at') = (to_jsonb(old) - 'reminder_sent' - 'reminded_at')
       and (new.reminder_sent, new.reminded_at) is distinct from (old.reminder_sent, old.reminded_at) then
        return new;
    end if;
    new.updated_at := now();
    new.version := old.version + 1;
    return new;
end
$$;
drop trigger crm_meetings_touch on crm_meetings;
create trigger crm_meetings_touch before update on crm_meetings for each row execute function orbit_meetings_touch();
