-- The board's column totals (count, value, weighted value per stage and currency) read every live deal
-- of the workspace; with value and probability in the index they are answered by an index-only scan.
create index if not exists crm_deals_totals_idx on crm_deals (tenant_id, stage, currency) include (value, probability)
    where deleted_at is null;
