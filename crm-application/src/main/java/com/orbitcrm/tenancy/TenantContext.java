package com.orbitcrm.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The workspace (and user) that the current thread acts for. Set once per request from the
 * authenticated principal, read by the persistence adapter at the start of every transaction to
 * scope row-level security. Nothing else decides which tenant a query sees.
 */
public final class TenantContext {

  /** Who acts, and in which workspace. */
  public record Scope(TenantId tenant, @Nullable UserId user) {
    public Scope {
      Objects.requireNonNull(tenant, "tenant must not be null");
    }
  }

  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private TenantContext() {}

  public static Optional<Scope> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The current tenant; throws when none is set, because no tenant-scoped work may run without one. */
  public static TenantId requireTenant() {
    return current().map(Scope::tenant)
        .orElseThrow(() -> new IllegalStateException("no tenant in the current context"));
  }

  /** Runs {@code work} as {@code scope}, restoring whatever was current before. */
  public static <T> T callAs(Scope scope, Supplier<T> work) {
    Scope previous = CURRENT.get();
    CURRENT.set(scope);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  public static void runAs(Scope scope, Runnable work) {
    callAs(scope, () -> {
      work.run();
      return null;
    });
  }
}
