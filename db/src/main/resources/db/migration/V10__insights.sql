-- Insights (issue 14): the workspace's calendar and main currency, the steps each deal reached (the
-- funnel), and the dashboard's sums kept by triggers as the deals change.

alter table tenants no force row level security;
alter table crm_deals no force row level security;
alter table crm_activities no force row level security;
alter table pipeline_stages no force row level security;

-- "This month" is the workspace's month; amounts in its main currency are shown first.
alter table tenants add column time_zone varchar(64) not null default 'UTC' check (length(time_zone) between 1 and 64);
alter table tenants add column currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$');

-- Deals closed in a period (won/lost this month, conversion, average size and cycle).
create index crm_deals_closed_idx on crm_deals (tenant_id, pipeline_id, actual_close_date)
    include (stage, currency, value) where deleted_at is null and actual_close_date is not null;

-- ---- The steps each deal reached, and when ------------------------------------------------------------
-- deals.Reached: step key → the day (in the workspace's calendar) the deal first reached it; arriving at a
-- stage reaches it and the steps it skipped. Written by the application; here backfilled from the stage
-- changes the timeline recorded.
alter table crm_deals add column reached jsonb not null default '{}'::jsonb;
with history as (
    -- The stage each deal started in (the first recorded change's "from", or the stage it is in when it
    -- never moved) at its creation, then every recorded stage change.
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
), entered as (
    -- Each deal's first day in each non-lost stage it entered.
    select h.tenant_id, h.deal_id, h.pipeline_id, st.position,
           min((h.entered_at at time zone t.time_zone)::date) as first_on
    from history h
    join tenants t on t.id = h.tenant_id
    join pipeline_stages st on st.tenant_id = h.tenant_id and st.pipeline_id = h.pipeline_id and st.key = h.stage
    where st.kind <> 'lost'
    group by 1, 2, 3, 4
), reached as (
    -- A step is reached on the first day the deal entered it or any step after it.
    select e.tenant_id, e.deal_id, s.key, min(e.first_on) as first_on
    from entered e
    join pipeline_stages s on s.tenant_id = e.tenant_id and s.pipeline_id = e.pipeline_id
                          and s.kind <> 'lost' and s.position <= e.position
    group by 1, 2, 3
)
update crm_deals d set reached = x.reached
from (select tenant_id, deal_id, jsonb_object_agg(key, first_on) as reached from reached group by 1, 2) x
where d.tenant_id = x.tenant_id and d.id = x.deal_id;

-- ---- The dashboard's sums, kept as the deals change ------------------------------------------------------
-- Every live deal adds to one 'd' row (its stage, currency, owner, expected month and close month: count,
-- value, value × probability and the days from its creation to its close) and to one 'r' row per step it
-- reached (that step, its owner, the month it reached it). Triggers on crm_deals add each statement's new
-- rows and subtract its old ones, in the same transaction: the sums are never stale, and the dashboard
-- reads a few hundred rows instead of every deal. Sums that come back to zero stay as zero rows.
create table crm_deal_figures (
    tenant_id       uuid         not null,
    pipeline_id     uuid         not null,
    kind            char(1)      not null check (kind in ('d', 'r')),
    stage           varchar(50)  not null,
    currency        char(3),
    owner_id        uuid,
    expected_month  date,
    event_month     date,
    deals           bigint       not null,
    value           numeric      not null,
    weighted        numeric      not null,
    cycle_days      bigint       not null,
    constraint crm_deal_figures_key unique nulls not distinct
        (tenant_id, pipeline_id, kind, stage, currency, owner_id, expected_month, event_month),
    foreign key (tenant_id, pipeline_id) references pipelines (tenant_id, id) on delete cascade
);

-- The rows one deal adds (subtracted again when it changes), with the cycle counted in the zone given.
create function orbit_deal_figure_rows(stage varchar(50), currency char(3), owner_id uuid, expected date,
                                       closed date, value numeric, probability integer, created timestamptz,
                                       reached jsonb, zone text)
    returns table (kind char(1), stage varchar(50), currency char(3), owner_id uuid, expected_month date,
                   event_month date, deals bigint, value numeric, weighted numeric, cycle_days bigint)
    language sql stable parallel safe
    as $$
        select 'd'::char(1), $1, $2, $3, date_trunc('month', $4::timestamp)::date,
               date_trunc('month', $5::timestamp)::date, 1::bigint, $6, $6 * $7,
               coalesce($5 - ($8 at time zone $10)::date, 0)::bigint
        union all
        select 'r'::char(1), r.key::varchar(50), null::char(3), $3, null::date,
               date_trunc('month', r.value::date::timestamp)::date, 1::bigint, 0::numeric, 0::numeric, 0::bigint
        from jsonb_each_text($9) r
    $$;

-- One statement's changes, applied in one upsert in key order (so that two transactions never wait on
-- each other's rows in opposite orders). Changes that cancel out (a rename, a reorder) write nothing.
create function orbit_deal_figures_changed() returns trigger
    language plpgsql
    as $$
    declare
        columns constant text := 'tenant_id, pipeline_id, stage, currency, owner_id, expected_close_date, '
            || 'actual_close_date, value, probability, created_at, reached, deleted_at';
        changed text := case tg_op
            when 'INSERT' then format('select %s, 1 as sign from new_rows', columns)
            when 'DELETE' then format('select %s, -1 as sign from old_rows', columns)
            else format('select %s, 1 as sign from new_rows union all select %s, -1 from old_rows', columns, columns)
            end;
    begin
        execute format($sql$
            insert into crm_deal_figures as f (tenant_id, pipeline_id, kind, stage, currency, owner_id,
                                               expected_month, event_month, deals, value, weighted, cycle_days)
            select c.tenant_id, c.pipeline_id, r.kind, r.stage, r.currency, r.owner_id, r.expected_month,
                   r.event_month, sum(c.sign * r.deals), sum(c.sign * r.value), sum(c.sign * r.weighted),
                   sum(c.sign * r.cycle_days)
            from (%s) c
            join tenants t on t.id = c.tenant_id
            cross join lateral orbit_deal_figure_rows(c.stage, c.currency, c.owner_id, c.expected_close_date,
                c.actual_close_date, c.value, c.probability, c.created_at, c.reached, t.time_zone) r
            where c.deleted_at is null
            group by 1, 2, 3, 4, 5, 6, 7, 8
            having sum(c.sign * r.deals) <> 0 or sum(c.sign * r.value) <> 0 or sum(c.sign * r.weighted) <> 0
                or sum(c.sign * r.cycle_days) <> 0
            order by 1, 2, 3, 4, 5, 6, 7, 8
            on conflict on constraint crm_deal_figures_key do update
                set deals = f.deals + excluded.deals, value = f.value + excluded.value,
                    weighted = f.weighted + excluded.weighted, cycle_days = f.cycle_days + excluded.cycle_days
        $sql$, changed);
        return null;
    end
    $$;
create trigger crm_deals_figures_insert after insert on crm_deals referencing new table as new_rows
    for each statement execute function orbit_deal_figures_changed();
create trigger crm_deals_figures_update after update on crm_deals referencing old table as old_rows new table as new_rows
    for each statement execute function orbit_deal_figures_changed();
create trigger crm_deals_figures_delete after delete on crm_deals referencing old table as old_rows
    for each statement execute function orbit_deal_figures_changed();

-- All of a workspace's sums again from its deals: after this migration, and when its time zone (which
-- the cycle is counted in) changes.
create function orbit_rebuild_deal_figures(workspace uuid) returns void
    language sql
    as $$
        delete from crm_deal_figures where tenant_id = workspace;
        insert into crm_deal_figures (tenant_id, pipeline_id, kind, stage, currency, owner_id, expected_month,
                                      event_month, deals, value, weighted, cycle_days)
        select d.tenant_id, d.pipeline_id, r.kind, r.stage, r.currency, r.owner_id, r.expected_month,
               r.event_month, sum(r.deals), sum(r.value), sum(r.weighted), sum(r.cycle_days)
        from crm_deals d
        join tenants t on t.id = d.tenant_id
        cross join lateral orbit_deal_figure_rows(d.stage, d.currency, d.owner_id, d.expected_close_date,
            d.actual_close_date, d.value, d.probability, d.created_at, d.reached, t.time_zone) r
        where d.tenant_id = workspace and d.deleted_at is null
        group by 1, 2, 3, 4, 5, 6, 7, 8;
    $$;
create function orbit_tenant_zone_changed() returns trigger
    language plpgsql
    as $$
    begin
        perform orbit_rebuild_deal_figures(new.id);
        return null;
    end
    $$;
create trigger tenants_zone_changed after update of time_zone on tenants
    for each row when (old.time_zone is distinct from new.time_zone) execute function orbit_tenant_zone_changed();

select orbit_rebuild_deal_figures(id) from tenants;

alter table crm_deal_figures enable row level security;
alter table crm_deal_figures force row level security;
create policy tenant_isolation on crm_deal_figures
    using (tenant_id = orbit_current_tenant()) with check (tenant_id = orbit_current_tenant());
grant select, insert, update, delete on crm_deal_figures to ${appRole};

alter table tenants force row level security;
alter table crm_deals force row level security;
alter table crm_activities force row level security;
alter table pipeline_stages force row level security;
