package com.orbitcrm.tenancy.jooq;

import static org.orbitcrm.db.jooq.Tables.INVITATIONS;
import static org.orbitcrm.db.jooq.Tables.TENANTS;

import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.Invitation;
import com.orbitcrm.tenancy.OpenInvitation;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.port.Invitations;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class JooqInvitations implements Invitations {

  private static final Condition OPEN = INVITATIONS.ACCEPTED_AT.isNull().and(INVITATIONS.REVOKED_AT.isNull());

  private final DSLContext dsl;

  JooqInvitations(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public void create(Invitation invitation, String tokenHash) {
    dsl.insertInto(INVITATIONS)
        .set(INVITATIONS.TENANT_ID, invitation.tenant().value())
        .set(INVITATIONS.ID, invitation.id())
        .set(INVITATIONS.EMAIL, invitation.email().value())
        .set(INVITATIONS.ROLE, invitation.role().key())
        .set(INVITATIONS.INVITED_BY, invitation.invitedBy() == null ? null : invitation.invitedBy().value())
        .set(INVITATIONS.TOKEN_HASH, tokenHash)
        .set(INVITATIONS.CREATED_AT, utc(invitation.createdAt()))
        .set(INVITATIONS.EXPIRES_AT, utc(invitation.expiresAt()))
        .execute();
  }

  @Override
  public void revokeOpen(TenantId tenant, EmailAddress email) {
    dsl.update(INVITATIONS)
        .set(INVITATIONS.REVOKED_AT, DSL.currentOffsetDateTime())
        .where(INVITATIONS.TENANT_ID.eq(tenant.value()), INVITATIONS.EMAIL.eq(email.value()), OPEN)
        .execute();
  }

  @Override
  public List<Invitation> open(TenantId tenant) {
    return dsl.selectFrom(INVITATIONS)
        .where(INVITATIONS.TENANT_ID.eq(tenant.value()), OPEN)
        .orderBy(INVITATIONS.CREATED_AT.desc(), INVITATIONS.ID)
        .fetch(JooqInvitations::toInvitation);
  }

  @Override
  public Optional<Invitation> lock(TenantId tenant, UUID id) {
    return dsl.selectFrom(INVITATIONS)
        .where(INVITATIONS.TENANT_ID.eq(tenant.value()), INVITATIONS.ID.eq(id))
        .forUpdate()
        .fetchOptional(JooqInvitations::toInvitation);
  }

  @Override
  public Optional<OpenInvitation> findByTokenHash(String tokenHash) {
    // Opens the "invitation by presented hash" policies (the invitation and its workspace's name): only whoever
    // holds the link knows the hash.
    Settings.set(dsl, "orbit.invitation_hash", tokenHash);
    return dsl.select(INVITATIONS.asterisk(), TENANTS.NAME)
        .from(INVITATIONS)
        .join(TENANTS).on(TENANTS.ID.eq(INVITATIONS.TENANT_ID))
        .where(INVITATIONS.TOKEN_HASH.eq(tokenHash))
        .fetchOptional(r -> new OpenInvitation(toInvitation(r), r.get(TENANTS.NAME)));
  }

  @Override
  public List<OpenInvitation> openFor(UserId user) {
    // Opens the "invitations of the current user" policies: those addressed to the signed-in person's e-mail.
    Settings.set(dsl, "orbit.user_id", user.toString());
    return dsl.select(INVITATIONS.asterisk(), TENANTS.NAME)
        .from(INVITATIONS)
        .join(TENANTS).on(TENANTS.ID.eq(INVITATIONS.TENANT_ID))
        .where(OPEN, INVITATIONS.EMAIL.eq(DSL.field(
            "(select u.email from users u where u.id = orbit_current_user())", String.class)))
        .orderBy(INVITATIONS.CREATED_AT.desc(), INVITATIONS.ID)
        .fetch(r -> new OpenInvitation(toInvitation(r), r.get(TENANTS.NAME)));
  }

  @Override
  public boolean revoke(TenantId tenant, UUID id) {
    return dsl.update(INVITATIONS)
        .set(INVITATIONS.REVOKED_AT, DSL.currentOffsetDateTime())
        .where(INVITATIONS.TENANT_ID.eq(tenant.value()), INVITATIONS.ID.eq(id), OPEN)
        .execute() == 1;
  }

  @Override
  public boolean markAccepted(TenantId tenant, UUID id, UserId user) {
    return dsl.update(INVITATIONS)
        .set(INVITATIONS.ACCEPTED_AT, DSL.currentOffsetDateTime())
        .set(INVITATIONS.ACCEPTED_BY, user.value())
        .where(INVITATIONS.TENANT_ID.eq(tenant.value()), INVITATIONS.ID.eq(id), OPEN)
        .execute() == 1;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static Invitation toInvitation(Record r) {
    UUID invitedBy = r.get(INVITATIONS.INVITED_BY);
    return new Invitation(r.get(INVITATIONS.ID), new TenantId(r.get(INVITATIONS.TENANT_ID)),
        new EmailAddress(r.get(INVITATIONS.EMAIL)),
        Role.fromKey(r.get(INVITATIONS.ROLE)).orElseThrow(() -> new IllegalStateException("unknown role")),
        invitedBy == null ? null : new UserId(invitedBy), r.get(INVITATIONS.CREATED_AT).toInstant(),
        r.get(INVITATIONS.EXPIRES_AT).toInstant(), instant(r.get(INVITATIONS.ACCEPTED_AT)),
        instant(r.get(INVITATIONS.REVOKED_AT)));
  }
}
