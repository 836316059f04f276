package com.orbitcrm.tenancy.jooq;

import static org.orbitcrm.db.jooq.Tables.ORBIT_WORKSPACES_WITH_PENDING_EVENTS;
import static org.orbitcrm.db.jooq.Tables.ORBIT_WORKSPACES_WITH_TRASH_BEFORE;

import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.port.Housekeeping;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The housekeeping look-ups through the narrowly granted functions of V9: they run as the schema's
 * owner, look into each workspace under its own policy, and answer workspace ids only. Each runs in a
 * transaction of its own, with no workspace, through the "housekeeping" door.
 */
@Repository
class JooqHousekeeping implements Housekeeping {

  private final DSLContext dsl;

  JooqHousekeeping(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TenantId> workspacesWithTrashBefore(Instant cutoff) {
    TransactionScopes.openDoor("housekeeping");
    return dsl.selectFrom(ORBIT_WORKSPACES_WITH_TRASH_BEFORE.call(cutoff.atOffset(ZoneOffset.UTC)))
        .fetch(r -> new TenantId(r.get(0, java.util.UUID.class)));
  }

  @Override
  @Transactional(readOnly = true)
  public List<TenantId> workspacesWithPendingEvents() {
    TransactionScopes.openDoor("housekeeping");
    return dsl.selectFrom(ORBIT_WORKSPACES_WITH_PENDING_EVENTS.call())
        .fetch(r -> new TenantId(r.get(0, java.util.UUID.class)));
  }

  @Override
  @Transactional
  public long deleteCompletedEventsBefore(Instant cutoff) {
    TransactionScopes.openDoor("housekeeping");
    Long deleted = dsl.fetchValue(DSL.field("orbit_delete_completed_events_before({0})", Long.class,
        DSL.val(cutoff.atOffset(ZoneOffset.UTC))));
    return deleted == null ? 0 : deleted;
  }
}
