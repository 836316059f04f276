package com.orbitcrm.tenancy.jooq;

import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.UserId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The workspace each open transaction of this thread was begun in (a stack: a REQUIRES_NEW transaction
 * sits on top of the one it suspends), kept by {@link TenantScopedTransactionManager} and read by
 * {@link TenantGuard} before every query. A transaction without a workspace may still run the narrow
 * look-ups that happen before one is chosen, once it has opened one of the doors of {@link Settings}.
 */
final class TransactionScopes {

  /** One transaction: its workspace ({@literal null}: none), and whether a narrow look-up was opened in it. */
  static final class Frame {
    final @Nullable TenantId tenant;
    final @Nullable UserId user;
    @Nullable String door;

    Frame(TenantContext.@Nullable Scope scope) {
      this.tenant = scope == null ? null : scope.tenant();
      this.user = scope == null ? null : scope.user();
    }

    /** Whether work in {@code scope} may join this transaction: the same workspace and user (or none). */
    boolean isFor(TenantContext.@Nullable Scope scope) {
      return scope == null ? tenant == null : scope.tenant().equals(tenant) && Objects.equals(scope.user(), user);
    }
  }

  private static final ThreadLocal<Deque<Frame>> FRAMES = ThreadLocal.withInitial(ArrayDeque::new);

  private TransactionScopes() {}

  static void begin(TenantContext.@Nullable Scope scope) {
    FRAMES.get().push(new Frame(scope));
  }

  static void end() {
    Deque<Frame> frames = FRAMES.get();
    frames.poll();
    if (frames.isEmpty()) {
      FRAMES.remove();
    }
  }

  static @Nullable Frame current() {
    return FRAMES.get().peek();
  }

  /** Marks the current transaction as one that deliberately looks across or before workspaces. */
  static void openDoor(String door) {
    Frame frame = current();
    if (frame == null) {
      throw new IllegalStateException("'" + door + "' must run inside a transaction");
    }
    frame.door = door;
  }
}
