-- Orbit CRM dashboard benchmark data: in the workspace :tenant (signed up over HTTP by run.sh, owned by
-- :owner), 50,000 deals with the steps they reached, and 1,000,000 activities. Deterministic.
-- Run as a superuser (it bypasses row-level security to write in bulk).
--
--   30,000 open: 9,000 lead, 8,000 qualified, 7,000 proposal, 6,000 negotiation; expected to close from
--          60 days ago to 14 months ahead, one in 25 without a date;
--   12,000 won and 8,000 lost, closed over the last two years, each after a sales cycle of 5–155 days;
--   one in ten in EUR; a third owned by :owner, the rest by nobody;
--   every deal reached each step up to its own (a lost one: up to a step of its own), one day apart from
--   its creation: what the funnel counts;
--   20 activities per deal (e-mail, call, note, task, meeting, sms) over its life.
\set ON_ERROR_STOP on
\timing on

create temporary table dash_stages as
select * from (values ('lead', 10, 0, 9000, 1), ('qualified', 25, 9000, 8000, 2), ('proposal', 50, 17000, 7000, 3),
                      ('negotiation', 75, 24000, 6000, 4), ('closed_won', 100, 30000, 12000, 5),
                      ('closed_lost', 0, 42000, 8000, 0)) s(stage, probability, first, n, step);

create temporary table dash_deals as
select gen_random_uuid() as id, s.stage, s.step, s.probability, s.first + g as k, g,
       case when s.stage like 'closed%' then current_date - ((s.first + g) * 7 % 730) end as closed_on,
       5 + (s.first + g) * 11 % 150 as cycle
from dash_stages s cross join lateral generate_series(1, s.n) g;
alter table dash_deals add column created timestamptz, add column furthest int;
update dash_deals set created = coalesce(closed_on::timestamptz, now()) - make_interval(days => cycle, hours => k % 24),
                      furthest = case when step = 0 then 1 + k % 4 else step end;

insert into crm_deals (tenant_id, id, pipeline_id, name, stage, rank, value, currency, probability, owner_id,
                       expected_close_date, actual_close_date, lost_reason, source, created_at, updated_at, reached)
select :'tenant'::uuid, d.id, p.id,
       (array['Annual licence','Data migration','Onboarding package','Enterprise upgrade','Support renewal',
              'Pilot project','Additional seats','Analytics add-on'])[1 + d.k % 8] || ' #' || d.k,
       d.stage, orbit_rank_key(d.g - 1),
       (1000 + (d.k * 7919) % 200000)::numeric(15, 2),
       case when d.k % 10 = 0 then 'EUR' else 'USD' end,
       d.probability,
       case when d.k % 3 = 0 then :'owner'::uuid end,
       case when d.closed_on is not null then d.closed_on
            when d.k % 25 = 0 then null
            else current_date + ((d.k * 13) % 480 - 60) end,
       d.closed_on,
       case when d.stage = 'closed_lost' then 'Price too high' end,
       (array['Website','Referral','Event','Partner'])[1 + d.k % 4],
       d.created, now(),
       -- deals.Reached: each step up to its furthest, a day apart from its creation (UTC, the workspace's zone).
       (select jsonb_object_agg(s.stage, (d.created at time zone 'UTC')::date + (s.step - 1))
        from dash_stages s where s.step between 1 and d.furthest)
from dash_deals d
join pipelines p on p.tenant_id = :'tenant'::uuid and p.is_default;

insert into crm_activities (tenant_id, entity_type, entity_id, activity_type, subject, description, created_by,
                            created_at, updated_at)
select c.tenant_id, 'deal', c.id,
       (array['email','call','note','task','meeting','sms'])[1 + (d.k + a) % 6],
       (array['Follow-up','Intro call','Pricing question','Demo','Contract draft','Check-in'])[1 + (d.k * 3 + a) % 6]
         || ' ' || a,
       'Activity ' || a || ' on deal ' || d.k,
       case when a % 2 = 0 then :'owner'::uuid end,
       c.created_at + make_interval(hours => a * (d.cycle + 1)),
       c.created_at + make_interval(hours => a * (d.cycle + 1))
from crm_deals c join dash_deals d on d.id = c.id
cross join generate_series(1, 20) a
where c.tenant_id = :'tenant'::uuid;

-- The dashboard's sums (crm_deal_figures) were written by the deals' insert trigger, in one statement.
vacuum (analyze) crm_deals;
vacuum (analyze) crm_deal_figures;
vacuum (analyze) crm_activities;
select (select count(*) from crm_deals where tenant_id = :'tenant'::uuid) as deals,
       (select count(*) from crm_activities where tenant_id = :'tenant'::uuid) as activities,
       (select count(*) from crm_deal_figures where tenant_id = :'tenant'::uuid) as figure_rows;
