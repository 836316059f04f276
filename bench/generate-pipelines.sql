-- Pipelines of one's own (issue 16): the measured workspace's board data without the million clients of
-- generate.sql — 2,000 clients and the same 8,000 deals on the default pipeline (5,000 open: 1,250 per open
-- stage; 2,000 won, 1,000 lost; one in ten in EUR), ranked a0, a1, … per column as generate.sql does.
-- With -v more=1 (run second), four more pipelines of five stages each, 2,000 deals on each (1,500 open).
\if :{?more}
\else
insert into clients (tenant_id, name, status, created_at, updated_at)
select :'tenant'::uuid, 'Client ' || g, 'active', now() - make_interval(hours => g), now()
from generate_series(1, 2000) g;

with stages as (
  select * from (values ('lead', 10, 0, 1250), ('qualified', 25, 1250, 1250), ('proposal', 50, 2500, 1250),
                        ('negotiation', 75, 3750, 1250), ('closed_won', 100, 5000, 2000),
                        ('closed_lost', 0, 7000, 1000)) s(stage, probability, first, n)
), ranks as (
  select n + 1 as pos, orbit_rank_key(n) as rank from generate_series(0, 1999) n
), ws as (
  select p.tenant_id, p.id as pipeline_id, (select array_agg(id order by id) from clients c where c.tenant_id = p.tenant_id) as client_ids
  from pipelines p where p.tenant_id = :'tenant'::uuid and p.is_default
)
insert into crm_deals (tenant_id, pipeline_id, name, stage, rank, value, currency, probability, client_id, owner_id,
                       expected_close_date, actual_close_date, lost_reason, source, created_at, updated_at)
select ws.tenant_id, ws.pipeline_id,
       (array['Annual licence','Data migration','Onboarding package','Enterprise upgrade','Support renewal',
              'Pilot project','Additional seats','Analytics add-on'])[1 + g % 8] || ' #' || (s.first + g),
       s.stage, r.rank, (1000 + ((s.first + g) * 7919) % 200000)::numeric(15, 2),
       case when g % 10 = 0 then 'EUR' else 'USD' end, s.probability,
       ws.client_ids[1 + (s.first + g) % array_length(ws.client_ids, 1)], :'owner'::uuid,
       current_date + ((s.first + g) % 200 - 40),
       case when s.stage like 'closed%' then current_date - (g % 90) end,
       case when s.stage = 'closed_lost' then 'Price too high' end,
       (array['Website','Referral','Event','Partner'])[1 + g % 4],
       now() - make_interval(hours => s.first + g), now() - make_interval(hours => g)
from ws cross join stages s cross join lateral generate_series(1, s.n) g
join ranks r on r.pos = g;
\endif

\if :{?more}
insert into pipelines (tenant_id, name, position, is_default)
select :'tenant'::uuid, name, pos, false
from (values ('Partners', 1), ('Renewals', 2), ('Enterprise', 3), ('Hiring', 4)) v(name, pos);
insert into pipeline_stages (tenant_id, pipeline_id, key, label, color, position, probability, kind, required_fields)
select p.tenant_id, p.id, s.key, s.label, s.color, s.ord, s.probability, s.kind, s.required::text[]
from pipelines p cross join (values
  ('first_call', 'First call', '#64748b', 1, 10, 'open', '{}'),
  ('proposal', 'Proposal', '#8b5cf6', 2, 50, 'open', '{value,expectedCloseDate}'),
  ('contract', 'Contract', '#f59e0b', 3, 80, 'open', '{contactEmail}'),
  ('won', 'Won', '#10b981', 4, 100, 'won', '{}'),
  ('lost', 'Lost', '#ef4444', 5, 0, 'lost', '{}')) s(key, label, color, ord, probability, kind, required)
where p.tenant_id = :'tenant'::uuid and not p.is_default;

with stages as (
  select * from (values ('first_call', 10, 0, 500), ('proposal', 50, 500, 500), ('contract', 80, 1000, 500),
                        ('won', 100, 1500, 300), ('lost', 0, 1800, 200)) s(stage, probability, first, n)
)
insert into crm_deals (tenant_id, pipeline_id, name, stage, rank, value, currency, probability, owner_id,
                       expected_close_date, actual_close_date, lost_reason, contact_email, created_at, updated_at)
select p.tenant_id, p.id, p.name || ' deal #' || (s.first + g), s.stage, orbit_rank_key(g - 1),
       (500 + ((s.first + g) * 104729) % 90000)::numeric(15, 2), 'USD', s.probability, :'owner'::uuid,
       current_date + ((s.first + g) % 150 - 20),
       case when s.stage in ('won', 'lost') then current_date - (g % 60) end,
       case when s.stage = 'lost' then 'No budget' end, 'buyer' || g || '@example.com',
       now() - make_interval(hours => s.first + g), now()
from pipelines p cross join stages s cross join lateral generate_series(1, s.n) g
where p.tenant_id = :'tenant'::uuid and not p.is_default;
\endif
analyze crm_deals;
analyze pipelines;
analyze pipeline_stages;
select count(distinct pipeline_id) as pipelines, count(*) as deals,
       count(*) filter (where stage not in ('closed_won', 'closed_lost', 'won', 'lost')) as open_deals
from crm_deals where tenant_id = :'tenant'::uuid;
