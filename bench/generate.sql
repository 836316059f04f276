-- Orbit CRM benchmark data: 1,000,000 clients in ten workspaces, 100,000 of them in the workspace
-- :tenant (signed up over HTTP by run.sh, owned by :owner). Deterministic: the same rows every run.
-- Run as a superuser (it writes every workspace's rows, so it must bypass row-level security).
\set ON_ERROR_STOP on
\timing on

insert into tenants (id, name)
select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'Bench workspace ' || g
from generate_series(2, 10) g
on conflict do nothing;

-- Each of them gets what sign-up gives a workspace (DefaultPipeline): its default pipeline with the seed's
-- stages. The ids are fixed (…-a000-<n>) so that every run makes the same rows; the measured workspace got
-- its pipeline from the application when run.sh signed it up.
insert into pipelines (tenant_id, id, name, position, is_default)
select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid,
       ('00000000-0000-4000-a000-' || lpad(g::text, 12, '0'))::uuid, 'Sales pipeline', 0, true
from generate_series(2, 10) g
on conflict do nothing;
insert into pipeline_stages (tenant_id, pipeline_id, key, label, color, position, probability, kind)
select p.tenant_id, p.id, s.key, s.label, s.color, s.ord, s.probability, s.kind
from pipelines p cross join orbit_default_stages() s
where p.is_default and p.tenant_id in (select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid
                                       from generate_series(2, 10) g)
on conflict do nothing;
analyze tenants;
analyze pipelines;
analyze pipeline_stages;

-- The search words are written in one statement afterwards, rather than row by row by the trigger.
alter table clients disable trigger clients_search_words;

with words as (
  select array['Acme','Globex','Initech','Umbrella','Stark','Wayne','Wonka','Cyberdyne','Soylent','Hooli',
               'Vandelay','Massive','Dynamic','Blue','Granite','Harbor','Summit','Pioneer','Quartz','Zephyr',
               'Nimbus','Lumen','Cobalt','Juniper','Keystone','Orchard','Redwood','Tidewater','Vista','Willow'] w1,
         array['Robotics','Health','Logistics','Foods','Realty','Analytics','Manufacturing','Hospitality','Security',
               'Schools','Energy','Retail','Financial','Cloud','Dental','Freight','Studios','Builders','Outdoor',
               'Marine','Devices','Clinics','Apparel','Labs','Capital','Airlines','Pharma','Insurance','Coffee','Print'] w2,
         array['Olivia','Liam','Emma','Noah','Ava','Elijah','Sophia','James','Isabella','Lucas','Mia','Mateo',
               'Amara','Hiroshi','Priya','Kwame','Sofia','Chen','Fatima','Diego'] fn,
         array['Nguyen','Smith','Garcia','Johnson','Okafor','Kim','Patel','Muller','Rossi','Brown','Silva','Cohen',
               'Tanaka','Williams','Haddad','Larsen','Moreau','Singh'] ln,
         array['Technology','Healthcare','Logistics','Retail','Finance','Education','Real Estate','Manufacturing',
               'Hospitality','Energy'] ind,
         array['TX','CA','WA','CO','MA','IL','NY','FL','OR','GA','AZ','MN','NC','TN'] st,
         array['Austin','San Francisco','Seattle','Denver','Boston','Chicago','New York','Miami','Portland',
               'Atlanta','Phoenix','Minneapolis','Raleigh','Nashville'] city
), workspaces as (
  select :'tenant'::uuid as id, :'owner'::uuid as owner, 1 as n
  union all
  select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, null, g from generate_series(2, 10) g
)
insert into clients (tenant_id, name, contact_name, contact_email, contact_phone, industry, address_line1, city,
                     state, zip_code, estimated_monthly_spend, status, account_owner_id, account_owner_assigned_date,
                     company_id, created_at, updated_at)
select ws.id,
       w.w1[1 + (g * 7 + ws.n) % 30] || ' ' || w.w2[1 + (g * 13) % 30] || ' ' || g,
       w.fn[1 + (g * 3) % 20] || ' ' || w.ln[1 + (g * 5) % 18],
       lower(w.fn[1 + (g * 3) % 20] || '.' || w.ln[1 + (g * 5) % 18] || g || '@' || w.w1[1 + (g * 7 + ws.n) % 30] || '.example'),
       '+1 (512) 555-' || lpad((g % 10000)::text, 4, '0'),
       w.ind[1 + g % 10],
       (100 + g % 9000) || ' Main Street',
       w.city[1 + g % 14], w.st[1 + g % 14], lpad((10000 + g % 89999)::text, 5, '0'),
       ((g * 37) % 50000)::numeric(12, 2),
       case when g % 10 < 7 then 'active' when g % 10 < 9 then 'inactive' else 'churned' end,
       ws.owner, case when ws.owner is null then null else now() end,
       'CUST-' || g,
       now() - make_interval(mins => g), now() - make_interval(mins => g)
from workspaces ws cross join words w cross join generate_series(1, 100000) g;

alter table clients enable trigger clients_search_words;
insert into client_search_words (tenant_id, word, client_id, name_key)
select c.tenant_id, w, c.id, c.name_key
from clients c, orbit_client_words(c.name, c.contact_name, c.contact_email) w
on conflict do nothing;
vacuum (analyze) client_search_words;

analyze clients;
select count(*) as clients, count(distinct tenant_id) as workspaces from clients;

-- Deals: in every workspace 5,000 open ones (1,250 per open stage) and 3,000 closed (2,000 won,
-- 1,000 lost) — 80,000 in all; the board of the measured workspace shows 8,000 deals in six columns.
-- All on the workspace's default pipeline. Card g of a column (g = 1, 2, …: row_number() over the
-- workspace and stage, in the order of g) gets the rank orbit_rank_key(g - 1), the key the application
-- gives the g-th card (Rank.ofIndex): a0, a1, …, az, b00, … — so the column shows g = 1 on top, as before.
with stages as (
  select * from (values ('lead', 10, 0, 1250), ('qualified', 25, 1250, 1250), ('proposal', 50, 2500, 1250),
                        ('negotiation', 75, 3750, 1250), ('closed_won', 100, 5000, 2000),
                        ('closed_lost', 0, 7000, 1000)) s(stage, probability, first, n)
), ranks as (
  -- The keys of positions 0..1999, made once (the longest column has 2,000 cards).
  select n + 1 as pos, orbit_rank_key(n) as rank from generate_series(0, 1999) n
), workspaces as (
  select c.tenant_id, p.id as pipeline_id, array_agg(c.id order by c.id) as client_ids
  from (select tenant_id, id, row_number() over (partition by tenant_id order by id) r from clients) c
  join pipelines p on p.tenant_id = c.tenant_id and p.is_default
  where c.r <= 2000
  group by c.tenant_id, p.id
)
insert into crm_deals (tenant_id, pipeline_id, name, stage, rank, value, currency, probability, client_id, owner_id,
                       expected_close_date, actual_close_date, lost_reason, source, created_at, updated_at)
select ws.tenant_id, ws.pipeline_id,
       (array['Annual licence','Data migration','Onboarding package','Enterprise upgrade','Support renewal',
              'Pilot project','Additional seats','Analytics add-on'])[1 + g % 8] || ' #' || (s.first + g),
       s.stage, r.rank,
       (1000 + ((s.first + g) * 7919) % 200000)::numeric(15, 2),
       case when g % 10 = 0 then 'EUR' else 'USD' end,
       s.probability,
       ws.client_ids[1 + (s.first + g) % array_length(ws.client_ids, 1)],
       case when ws.tenant_id = :'tenant'::uuid then :'owner'::uuid end,
       current_date + ((s.first + g) % 200 - 40),
       case when s.stage like 'closed%' then current_date - (g % 90) end,
       case when s.stage = 'closed_lost' then 'Price too high' end,
       (array['Website','Referral','Event','Partner'])[1 + g % 4],
       now() - make_interval(hours => s.first + g), now() - make_interval(hours => g)
from workspaces ws cross join stages s cross join lateral generate_series(1, s.n) g
join ranks r on r.pos = g;
analyze crm_deals;
select count(*) as deals, count(*) filter (where tenant_id = :'tenant'::uuid) as in_measured from crm_deals;
