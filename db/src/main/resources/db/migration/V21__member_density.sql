-- Issue 17: how dense a member likes a workspace's tables and board cards, remembered per membership.
alter table memberships
    add column density varchar(12) not null default 'comfortable'
        constraint memberships_density_check check (density in ('comfortable', 'compact'));
