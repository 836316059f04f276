-- CSV export at scale (issue 15): :rows clients (default run: 1,000,000) in the workspace :tenant (signed up over
-- HTTP by export.sh), each with three custom-field values (a select, a number, a text) — the shapes of
-- generate.sql and generate-custom-fields.sql. Deterministic. Run as a superuser (bypasses row-level security).
\set ON_ERROR_STOP on
\timing on
-- Export does not search: the search words are left out (the trigger is off while loading, and on again after).
alter table clients disable trigger clients_search_words;
insert into clients (tenant_id, name, contact_name, contact_email, contact_phone, industry, address_line1, city,
                     state, zip_code, estimated_monthly_spend, status, company_id, created_at, updated_at)
select :'tenant'::uuid,
       (array['Acme','Globex','Initech','Umbrella','Stark','Wayne','Wonka','Cyberdyne','=Formula','Hooli'])[1 + g % 10]
         || ' ' || (array['Robotics','Health','Logistics, Inc.','Foods "Fresh"','Realty'])[1 + g % 5] || ' ' || g,
       'Contact ' || g, 'contact' || g || '@example.com', '+1 (512) 555-' || lpad((g % 10000)::text, 4, '0'),
       (array['Technology','Healthcare','Logistics','Retail','Finance'])[1 + g % 5],
       (100 + g % 9000) || ' Main Street', 'Austin', 'TX', lpad((10000 + g % 89999)::text, 5, '0'),
       ((g * 37) % 50000)::numeric(12, 2),
       case when g % 10 < 7 then 'active' when g % 10 < 9 then 'inactive' else 'churned' end,
       'CUST-' || g, now() - make_interval(mins => g), now() - make_interval(mins => g)
from generate_series(1, :rows) g;
alter table clients enable trigger clients_search_words;

insert into crm_custom_fields (tenant_id, id, entity_type, field_name, field_label, field_type, options, display_order)
values (:'tenant', 'bbbbbbbb-0000-0000-0000-000000000001', 'client', 'tier', 'Tier', 'select',
        '[{"value":"gold","label":"Gold","color":"yellow"},{"value":"silver","label":"Silver","color":"gray"},{"value":"bronze","label":"Bronze","color":"orange"}]', 1),
       (:'tenant', 'bbbbbbbb-0000-0000-0000-000000000002', 'client', 'seats', 'Seats', 'number', '[]', 2),
       (:'tenant', 'bbbbbbbb-0000-0000-0000-000000000003', 'client', 'notes', 'Notes', 'text', '[]', 3);
with c as (select id, row_number() over (order by id) n from clients where tenant_id = :'tenant')
insert into crm_custom_field_values (tenant_id, entity_type, field_id, entity_id, key, value)
select :'tenant', 'client', ('bbbbbbbb-0000-0000-0000-00000000000' || f)::uuid, c.id,
       case f when 1 then (array['gold','silver','bronze'])[1 + n % 3]
              when 2 then '3' || lpad((length((1 + n % 999)::text) + 500)::text, 3, '0') || rtrim((1 + n % 999)::text, '0')
              else 'Renewal call in ' || (1 + n % 12) || ' weeks' end,
       case f when 1 then (array['gold','silver','bronze'])[1 + n % 3]
              when 2 then (1 + n % 999)::text
              else 'Renewal call in ' || (1 + n % 12) || ' weeks' end
from c, generate_series(1, 3) f;
analyze clients;
analyze crm_custom_field_values;
analyze crm_custom_fields;
select count(*) as clients from clients where tenant_id = :'tenant';
