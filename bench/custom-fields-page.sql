\set off random(1, 99000)
begin;
select set_config('orbit.tenant_id', 'aaaaaaaa-0000-0000-0000-000000000001', true);
select c.id, c.name, n.value
from crm_custom_field_values n
join clients c on c.tenant_id = n.tenant_id and c.id = n.entity_id and c.deleted_at is null
where n.tenant_id = 'aaaaaaaa-0000-0000-0000-000000000001' and n.field_id = 'bbbbbbbb-0000-0000-0000-000000000002'
  and n.key > '350' || lpad((:off / 100)::text, 3, '0')
  and exists (select 1 from crm_custom_field_values s
              where s.tenant_id = 'aaaaaaaa-0000-0000-0000-000000000001' and s.field_id = 'bbbbbbbb-0000-0000-0000-000000000001'
                and s.key = 'gold' and s.entity_id = n.entity_id)
order by n.key, n.entity_id limit 50;
commit;
