-- A rank is one card's place in a board column: two live deals of a workspace never share one, so two
-- concurrent drops into the same gap cannot both succeed (the second gets a 409 and retries).
drop index crm_deals_board_idx;
create unique index crm_deals_board_idx on crm_deals (tenant_id, stage, stage_order) where deleted_at is null;
-- Lists are newest first.
create index crm_deals_created_idx on crm_deals (tenant_id, created_at desc, id desc) where deleted_at is null;
