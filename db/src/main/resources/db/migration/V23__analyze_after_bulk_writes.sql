-- Issue 19: statistics after bulk writes.
--
-- An import or the demo data adds thousands of rows at once; until the table is analyzed the planner keeps its old
-- estimate (one row for a table that was empty) and picks plans 5-67x slower. Autovacuum would analyze it in a
-- while, but it may be off (as on the development machine this was measured on). The application role may not
-- ANALYZE a table it does not own (PostgreSQL 15), so this function, owned by the schema owner, analyzes the
-- tables named — only these, the ones bulk writes fill. ANALYZE sees every workspace's rows (statistics are per
-- table) but hands nothing back to the caller.
create function orbit_analyze(tables text[]) returns void
    language plpgsql security definer set search_path = public, pg_temp
    as $$
declare
    t text;
begin
    foreach t in array tables loop
        if t not in ('clients', 'client_search_words', 'crm_deals', 'crm_deal_figures', 'crm_custom_field_values',
                     'crm_activities', 'crm_notes', 'crm_meetings', 'crm_meeting_attendees', 'import_records',
                     'import_rejects') then
            raise exception 'orbit_analyze: % is not a table bulk writes fill', t using errcode = '22023';
        end if;
        execute format('analyze %I', t);
    end loop;
end
$$;

revoke all on function orbit_analyze(text[]) from public;
grant execute on function orbit_analyze(text[]) to ${appRole};
