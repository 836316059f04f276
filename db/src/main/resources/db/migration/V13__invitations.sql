-- Invitations: an admin asks a person (by e-mail) to join a workspace; nobody is added without their consent.
-- The person accepts through a link that carries a random token; only its SHA-256 is stored (like API tokens),
-- so the link is shown once to the admin and sent by e-mail, and a stolen database cannot join anyone.
create table invitations (
    tenant_id    uuid         not null references tenants (id) on delete cascade,
    id           uuid         not null default gen_random_uuid(),
    email        varchar(255) not null check (email = lower(email) and position('@' in email) > 1),
    role         varchar(20)  not null check (role in ('owner', 'admin', 'member', 'viewer')),
    -- Who asked; kept when they later leave the workspace (their name is not needed to accept).
    invited_by   uuid,
    token_hash   char(64)     not null check (token_hash ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    accepted_at  timestamptz,
    accepted_by  uuid         references users (id) on delete set null,
    revoked_at   timestamptz,
    updated_at   timestamptz  not null default now(),
    version      integer      not null default 0,
    primary key (tenant_id, id),
    check (expires_at > created_at),
    -- Used or withdrawn, never both.
    check (accepted_at is null or revoked_at is null)
);
-- A link is looked up by its token's hash before its workspace is known; uniqueness (of 256-bit random values)
-- is kept within the workspace, so that the table can be distributed by tenant_id (CitusReadinessIntegrationTest).
create unique index invitations_tenant_token_hash_key on invitations (tenant_id, token_hash);
create index invitations_token_hash_idx on invitations (token_hash);
-- One open invitation per address and workspace: inviting again replaces it (the use case revokes the old one).
create unique index invitations_open_email_key on invitations (tenant_id, email)
    where accepted_at is null and revoked_at is null;
-- "You're invited to …": a signed-in person's open invitations, across workspaces.
create index invitations_open_by_email_idx on invitations (email) where accepted_at is null and revoked_at is null;
create trigger invitations_touch before update on invitations for each row execute function orbit_touch();

alter table invitations enable row level security;
alter table invitations force row level security;
create policy tenant_isolation on invitations
    using (tenant_id = orbit_current_tenant()) with check (tenant_id = orbit_current_tenant());
-- Opening an invitation link: only whoever holds the token knows its hash, so this reveals exactly the one
-- invitation the caller can already prove to hold (read-only; accepting runs in the invitation's workspace).
create policy invitation_by_presented_hash on invitations for select
    using (token_hash = nullif(current_setting('orbit.invitation_hash', true), ''));
-- A signed-in person sees the open invitations addressed to their own e-mail (read-only).
create policy invitation_of_current_user on invitations for select
    using (accepted_at is null and revoked_at is null
           and email = (select u.email from users u where u.id = orbit_current_user()));

-- The name of the workspace an invitation is for, for whoever may see the invitation (see above).
create policy tenant_of_visible_invitation on tenants for select
    using (id in (select i.tenant_id from invitations i
                  where i.token_hash = nullif(current_setting('orbit.invitation_hash', true), '')
                     or (i.accepted_at is null and i.revoked_at is null
                         and i.email = (select u.email from users u where u.id = orbit_current_user()))));

grant select, insert, update on invitations to ${appRole};
