-- 20,000 meetings in the measured workspace (:tenant, organized by :owner): two years around today, in
-- working hours of America/New_York, 30 to 120 minutes, each about one of the workspace's clients, with one
-- to three attendees; past ones completed (reminder sent), future ones scheduled. Written as the owner.
\set ON_ERROR_STOP on
create temporary table bench_clients as
select row_number() over () as n, id from (select id from clients where tenant_id = :'tenant' limit 2000) c;

insert into crm_meetings (tenant_id, id, title, description, start_time, end_time, timezone, location_type,
                          location, meeting_url, entity_type, entity_id, organizer_id, status, reminder_minutes,
                          reminder_sent, reminded_at, created_at)
select :'tenant', gen_random_uuid(), 'Meeting ' || g, 'Agenda for meeting ' || g, s.t,
       s.t + interval '30 minutes' * (1 + g % 4), 'America/New_York',
       (array['virtual', 'in_person', 'phone'])[1 + g % 3], case when g % 3 = 1 then 'Head office' end,
       case when g % 3 = 0 then 'https://meet.example.com/' || g end, 'client', c.id, :'owner',
       case when s.t < now() then 'completed' else 'scheduled' end, 15, s.t < now(),
       case when s.t < now() then s.t - interval '15 minutes' end, s.t - interval '7 days'
from generate_series(0, 19999) g
cross join lateral (
    select (date_trunc('day', now() at time zone 'America/New_York') - interval '365 days'
            + interval '1 day' * (g * 730 / 20000) + interval '9 hours'
            + interval '15 minutes' * ((g * 7) % 32)) at time zone 'America/New_York' as t) s
join bench_clients c on c.n = 1 + g % (select count(*) from bench_clients);

insert into crm_meeting_attendees (tenant_id, meeting_id, position, email, name, status)
select m.tenant_id, m.id, k, 'guest' || k || '-' || (abs(hashtext(m.id::text)) % 500) || '@client.example',
       'Guest ' || k, (array['pending', 'accepted', 'declined'])[1 + (abs(hashtext(m.id::text)) + k) % 3]
from crm_meetings m cross join generate_series(0, 2) k
where m.tenant_id = :'tenant' and k <= abs(hashtext(m.id::text)) % 3;

analyze crm_meetings;
analyze crm_meeting_attendees;
