-- Authenticating an API token reads the token and its creator's membership in one query: the one
-- membership behind the presented token's hash becomes visible, nothing else.
create policy membership_of_presented_token on memberships for select
    using (exists (select 1 from api_tokens t
                   where t.token_hash = nullif(current_setting('orbit.token_hash', true), '')
                     and t.tenant_id = memberships.tenant_id
                     and t.user_id = memberships.user_id));
