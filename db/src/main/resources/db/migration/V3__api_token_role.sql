-- A token may be narrower than its creator (e.g. a read-only token for a report script).
-- At use it carries the weaker of this role and its creator's current role.
alter table api_tokens add column role varchar(20) not null default 'viewer'
    check (role in ('owner', 'admin', 'member', 'viewer'));
alter table api_tokens alter column role drop default;
