package com.orbitcrm.meetings.jooq;

import static org.orbitcrm.db.jooq.Tables.CALENDAR_FEEDS;

import com.orbitcrm.meetings.port.CalendarFeeds;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Members' calendar feed keys (hashes) in {@code calendar_feeds}, one per member and workspace. */
@Repository
class JooqCalendarFeeds implements CalendarFeeds {

  private final DSLContext dsl;

  JooqCalendarFeeds(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Optional<UserId> owner(TenantId tenant, byte[] keyHash) {
    return dsl.select(CALENDAR_FEEDS.USER_ID).from(CALENDAR_FEEDS)
        .where(CALENDAR_FEEDS.TENANT_ID.eq(tenant.value()), CALENDAR_FEEDS.KEY_HASH.eq(keyHash))
        .fetchOptional(r -> new UserId(r.value1()));
  }

  @Override
  public boolean exists(TenantId tenant, UserId user) {
    return dsl.fetchExists(CALENDAR_FEEDS, CALENDAR_FEEDS.TENANT_ID.eq(tenant.value()),
        CALENDAR_FEEDS.USER_ID.eq(user.value()));
  }

  @Override
  public void replace(TenantId tenant, UserId user, byte[] keyHash) {
    dsl.insertInto(CALENDAR_FEEDS)
        .set(CALENDAR_FEEDS.TENANT_ID, tenant.value())
        .set(CALENDAR_FEEDS.USER_ID, user.value())
        .set(CALENDAR_FEEDS.KEY_HASH, keyHash)
        .onConflict(CALENDAR_FEEDS.TENANT_ID, CALENDAR_FEEDS.USER_ID)
        .doUpdate().set(CALENDAR_FEEDS.KEY_HASH, keyHash).set(CALENDAR_FEEDS.CREATED_AT, java.time.OffsetDateTime.now())
        .execute();
  }

  @Override
  public void revoke(TenantId tenant, UserId user) {
    dsl.deleteFrom(CALENDAR_FEEDS)
        .where(CALENDAR_FEEDS.TENANT_ID.eq(tenant.value()), CALENDAR_FEEDS.USER_ID.eq(user.value()))
        .execute();
  }
}
