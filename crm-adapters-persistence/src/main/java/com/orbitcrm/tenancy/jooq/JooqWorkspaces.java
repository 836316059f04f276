package com.orbitcrm.tenancy.jooq;

import static org.orbitcrm.db.jooq.Tables.MEMBERSHIPS;
import static org.orbitcrm.db.jooq.Tables.TENANTS;
import static org.orbitcrm.db.jooq.Tables.USERS;

import com.orbitcrm.platform.EmailAddress;
import com.orbitcrm.tenancy.Density;
import com.orbitcrm.tenancy.Member;
import com.orbitcrm.tenancy.Role;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import com.orbitcrm.tenancy.Workspace;
import com.orbitcrm.tenancy.WorkspaceMembership;
import com.orbitcrm.tenancy.port.Workspaces;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class JooqWorkspaces implements Workspaces {

  private final DSLContext dsl;

  JooqWorkspaces(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public void create(Workspace workspace) {
    dsl.insertInto(TENANTS)
        .set(TENANTS.ID, workspace.id().value())
        .set(TENANTS.NAME, workspace.name())
        .set(TENANTS.TIME_ZONE, workspace.timeZone().getId())
        .set(TENANTS.CURRENCY, workspace.currency())
        .execute();
  }

  @Override
  public void update(Workspace workspace) {
    dsl.update(TENANTS)
        .set(TENANTS.NAME, workspace.name())
        .set(TENANTS.TIME_ZONE, workspace.timeZone().getId())
        .set(TENANTS.CURRENCY, workspace.currency())
        .where(TENANTS.ID.eq(workspace.id().value()))
        .execute();
  }

  @Override
  public Optional<Workspace> find(TenantId id) {
    return dsl.select(TENANTS.ID, TENANTS.NAME, TENANTS.TIME_ZONE, TENANTS.CURRENCY)
        .from(TENANTS)
        .where(TENANTS.ID.eq(id.value()))
        .fetchOptional(r -> new Workspace(new TenantId(r.value1()), r.value2(), zone(r.value3()), r.value4()));
  }

  /** A zone as stored; one this JDK no longer knows falls back to UTC rather than failing every page. */
  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return Workspace.DEFAULT_ZONE;
    }
  }

  @Override
  public List<WorkspaceMembership> of(UserId user) {
    // Runs before a workspace is chosen: opens the "memberships of the current user" policy for it.
    Settings.set(dsl, "orbit.user_id", user.toString());
    return dsl.select(MEMBERSHIPS.TENANT_ID, TENANTS.NAME, MEMBERSHIPS.ROLE, MEMBERSHIPS.DENSITY)
        .from(MEMBERSHIPS)
        .join(TENANTS).on(TENANTS.ID.eq(MEMBERSHIPS.TENANT_ID))
        .where(MEMBERSHIPS.USER_ID.eq(user.value()))
        .orderBy(MEMBERSHIPS.CREATED_AT, TENANTS.NAME)
        .fetch(r -> new WorkspaceMembership(new TenantId(r.value1()), r.value2(), role(r.value3()),
            Density.stored(r.value4())));
  }

  @Override
  public void addMember(TenantId tenant, UserId user, Role role) {
    dsl.insertInto(MEMBERSHIPS)
        .set(MEMBERSHIPS.TENANT_ID, tenant.value())
        .set(MEMBERSHIPS.USER_ID, user.value())
        .set(MEMBERSHIPS.ROLE, role.key())
        .execute();
  }

  @Override
  public Optional<Role> roleOf(TenantId tenant, UserId user) {
    return dsl.select(MEMBERSHIPS.ROLE)
        .from(MEMBERSHIPS)
        .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()), MEMBERSHIPS.USER_ID.eq(user.value()))
        .fetchOptional(r -> role(r.value1()));
  }

  @Override
  public List<Member> members(TenantId tenant) {
    return dsl.select(USERS.ID, USERS.NAME, USERS.EMAIL, MEMBERSHIPS.ROLE, MEMBERSHIPS.CREATED_AT, USERS.LAST_LOGIN_AT)
        .from(MEMBERSHIPS)
        .join(USERS).on(USERS.ID.eq(MEMBERSHIPS.USER_ID))
        .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()))
        .orderBy(USERS.NAME, USERS.EMAIL)
        .fetch(r -> new Member(new UserId(r.value1()), r.value2(), new EmailAddress(r.value3()), role(r.value4()),
            r.value5().toInstant(), r.value6() == null ? null : r.value6().toInstant()));
  }

  @Override
  public boolean changeRole(TenantId tenant, UserId user, Role role) {
    return dsl.update(MEMBERSHIPS)
        .set(MEMBERSHIPS.ROLE, role.key())
        .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()), MEMBERSHIPS.USER_ID.eq(user.value()))
        .execute() == 1;
  }

  @Override
  public boolean changeDensity(TenantId tenant, UserId user, Density density) {
    return dsl.update(MEMBERSHIPS)
        .set(MEMBERSHIPS.DENSITY, density.key())
        .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()), MEMBERSHIPS.USER_ID.eq(user.value()))
        .execute() == 1;
  }

  @Override
  public boolean removeMember(TenantId tenant, UserId user) {
    return dsl.deleteFrom(MEMBERSHIPS)
        .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()), MEMBERSHIPS.USER_ID.eq(user.value()))
        .execute() == 1;
  }

  @Override
  public int lockAndCountOwners(TenantId tenant) {
    return dsl.select(MEMBERSHIPS.USER_ID)
        .from(MEMBERSHIPS)
        .where(MEMBERSHIPS.TENANT_ID.eq(tenant.value()), MEMBERSHIPS.ROLE.eq(Role.OWNER.key()))
        .forUpdate()
        .fetch()
        .size();
  }

  private static Role role(String key) {
    return Role.fromKey(key).orElseThrow(() -> new IllegalStateException("unknown role in the database: " + key));
  }

}
