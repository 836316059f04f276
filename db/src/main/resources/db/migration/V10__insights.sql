-- Insights (issue 14): the workspace's calendar and main currency, the stage history the funnel is counted
-- from, and the indexes the dashboard's sums read.

alter table tenants no force row level security;
alter table crm_deals no force row level security;
alter table crm_activities no force row level security;

-- "This month" is the workspace's month; amounts in its main currency are shown first.
alter table tenants add column time_zone varchar(64) not null default 'UTC' check (length(time_zone) between 1 and 64);
alter table tenants add column currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$');

-- Every stage a deal entered, and when: at creation, then at every move (written by the deals module in the
-- move's transaction). The funnel counts how far deals got within a period from it.
create table crm_deal_stage_history (
    tenant_id    uuid         not null,
    id           uuid         not null default gen_random_uuid(),
    deal_id      uuid         not null,
    pipeline_id  uuid         not null,
    stage        varchar(50)  not null,
    entered_at   timestamptz  not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, deal_id) references crm_deals (tenant_id, id) on delete cascade,
    foreign key (tenant_id, pipeline_id, stage) references pipeline_stages (tenant_id, pipeline_id, key)
);
create index crm_deal_stage_history_period_idx on crm_deal_stage_history (tenant_id, pipeline_id, entered_at);
create index crm_deal_stage_history_deal_idx on crm_deal_stage_history (tenant_id, deal_id);

-- The history of the deals that exist: the stage each started in (the first recorded stage change's "from",
-- or the stage it is in when it never moved) at its creation, then every recorded stage change.
insert into crm_deal_stage_history (tenant_id, deal_id, pipeline_id, stage, entered_at)
select e.tenant_id, e.deal_id, e.pipeline_id, e.stage, e.entered_at
from (
    select d.tenant_id, d.id as deal_id, d.pipeline_id,
           coalesce((select a.metadata ->> 'fromStage' from crm_activities a
                     where a.tenant_id = d.tenant_id and a.entity_type = 'deal' and a.entity_id = d.id
                       and a.activity_type = 'status_change'
                     order by a.created_at, a.id limit 1), d.stage) as stage,
           d.created_at as entered_at
    from crm_deals d
    union all
    select a.tenant_id, a.entity_id, d.pipeline_id, a.metadata ->> 'toStage', a.created_at
    from crm_activities a
    join crm_deals d on d.tenant_id = a.tenant_id and d.id = a.entity_id
    where a.entity_type = 'deal' and a.activity_type = 'status_change'
) e
join pipeline_stages s on s.tenant_id = e.tenant_id and s.pipeline_id = e.pipeline_id and s.key = e.stage;

alter table crm_deal_stage_history enable row level security;
alter table crm_deal_stage_history force row level security;
create policy tenant_isolation on crm_deal_stage_history
    using (tenant_id = orbit_current_tenant()) with check (tenant_id = orbit_current_tenant());
grant select, insert, delete on crm_deal_stage_history to ${appRole};

-- Deals closed in a period (won/lost this month, conversion, average size and cycle).
create index crm_deals_closed_idx on crm_deals (tenant_id, pipeline_id, actual_close_date)
    include (stage, currency, value) where deleted_at is null and actual_close_date is not null;

alter table tenants force row level security;
alter table crm_deals force row level security;
alter table crm_activities force row level security;
