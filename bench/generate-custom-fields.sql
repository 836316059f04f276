-- Custom fields at scale (issue 13): one workspace of 100,000 clients with 10 custom fields each
-- (1,000,000 value rows): f1 a select (gold, silver, bronze, iron, tin), f2 a number, f3 a date, f4..f10 text.
-- Keys as customfields.SortKey writes them (positive numbers only here). Run by bench/custom-fields.sh and
-- bench/custom-fields-api.sh with -v tenant=<workspace id> (the workspace exists; it gets the clients).
create or replace function bench_key(x numeric) returns text language sql immutable as $$
  select '3' || lpad((floor(log(10, x))::int + 1 + 500)::text, 3, '0')
         || rtrim(ltrim(replace(trim_scale(x)::text, '.', ''), '0'), '0')
$$;
begin;
select set_config('orbit.tenant_id', :'tenant', true);
insert into clients (tenant_id, id, name, created_at)
select :'tenant', gen_random_uuid(), 'Client ' || i, now() - i * interval '1 minute'
from generate_series(1, 100000) i;
insert into crm_custom_fields (tenant_id, id, entity_type, field_name, field_label, field_type, options, display_order)
select :'tenant', ('bbbbbbbb-0000-0000-0000-0000000000' || lpad(f::text, 2, '0'))::uuid, 'client',
       'f' || f, 'Field ' || f, case f when 1 then 'select' when 2 then 'number' when 3 then 'date' else 'text' end,
       case f when 1 then '[{"value":"gold","label":"Gold","color":"yellow"},{"value":"silver","label":"Silver","color":"gray"},{"value":"bronze","label":"Bronze","color":"orange"},{"value":"iron","label":"Iron","color":"gray"},{"value":"tin","label":"Tin","color":"gray"}]'::jsonb else '[]'::jsonb end, f
from generate_series(1, 10) f;
with c as (select id, row_number() over (order by id) n from clients where tenant_id = :'tenant')
insert into crm_custom_field_values (tenant_id, entity_type, field_id, entity_id, key, value)
select :'tenant', 'client', ('bbbbbbbb-0000-0000-0000-0000000000' || lpad(f::text, 2, '0'))::uuid, c.id,
       case f when 1 then (array['gold','silver','bronze','iron','tin'])[1 + n % 5]
              when 2 then bench_key(1 + (n * 7919 % 100000) / 100.0)
              when 3 then to_char(date '2026-01-01' + (n % 365)::int, 'YYYY-MM-DD')
              else 'text ' || f || ' ' || (n % 1000) end,
       case f when 1 then (array['gold','silver','bronze','iron','tin'])[1 + n % 5]
              when 2 then trim_scale(1 + (n * 7919 % 100000) / 100.0)::text
              when 3 then to_char(date '2026-01-01' + (n % 365)::int, 'YYYY-MM-DD')
              else 'text ' || f || ' ' || (n % 1000) end
from c, generate_series(1, 10) f;
commit;
analyze;
