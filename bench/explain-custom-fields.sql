-- The plans of docs/architecture.md (Custom fields), as the application role.

begin;
select set_config('orbit.tenant_id', 'aaaaaaaa-0000-0000-0000-000000000001', true) \g /dev/null
select count(*) as value_rows from crm_custom_field_values;
-- clients filtered by a select field (f1 = gold) and sorted by a number field (f2), first page
explain (analyze, buffers, costs off)
select c.id, c.name, n.value
from crm_custom_field_values n
join clients c on c.tenant_id = n.tenant_id and c.id = n.entity_id and c.deleted_at is null
where n.tenant_id = 'aaaaaaaa-0000-0000-0000-000000000001' and n.field_id = 'bbbbbbbb-0000-0000-0000-000000000002'
  and exists (select 1 from crm_custom_field_values s
              where s.tenant_id = 'aaaaaaaa-0000-0000-0000-000000000001' and s.field_id = 'bbbbbbbb-0000-0000-0000-000000000001'
                and s.key = 'gold' and s.entity_id = n.entity_id)
order by n.key, n.entity_id limit 50;
-- the API's filter: cf.f1=gold and cf.f2.min=500 on GET /api/clients (sorted by name)
explain (analyze, buffers, costs off)
select * from clients
where tenant_id = 'aaaaaaaa-0000-0000-0000-000000000001' and deleted_at is null
  and id in (select entity_id from crm_custom_field_values where tenant_id = 'aaaaaaaa-0000-0000-0000-000000000001'
             and field_id = 'bbbbbbbb-0000-0000-0000-000000000001' and key >= 'gold' and key <= 'gold')
  and id in (select entity_id from crm_custom_field_values where tenant_id = 'aaaaaaaa-0000-0000-0000-000000000001'
             and field_id = 'bbbbbbbb-0000-0000-0000-000000000002' and key >= '3503500')
order by name_key, id limit 51;
commit;
