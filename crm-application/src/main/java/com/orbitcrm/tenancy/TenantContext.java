package com.orbitcrm.tenancy;

import com.orbitcrm.platform.ForbiddenException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The workspace, user and role that the current thread acts for. Set once per request from the
 * authenticated principal, read by the persistence adapter at the start of every transaction to
 * scope row-level security. Nothing else decides which tenant a query sees.
 */
public final class TenantContext {

  /**
   * Who acts, in which workspace, with which role.
   *
   * @param user {@literal null} for the system itself (demo data, event handlers).
   */
  public record Scope(TenantId tenant, @Nullable UserId user, Role role) {
    public Scope {
      Objects.requireNonNull(tenant, "tenant must not be null");
      Objects.requireNonNull(role, "role must not be null");
    }

    /** The system acting in a workspace, e.g. writing demo data or handling an event. */
    public static Scope system(TenantId tenant) {
      return new Scope(tenant, null, Role.OWNER);
    }

    public UserId requireUser() {
      if (user == null) {
        throw new IllegalStateException("no user in the current context");
      }
      return user;
    }
  }

  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  /** The logging context's key for the workspace: every log line written in a scope carries it. */
  public static final String LOG_KEY = "tenantId";

  private TenantContext() {}

  public static Optional<Scope> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The current scope; throws when none is set, because no tenant-scoped work may run without one. */
  public static Scope require() {
    Scope scope = CURRENT.get();
    if (scope == null) {
      throw new IllegalStateException("no tenant in the current context");
    }
    return scope;
  }

  public static TenantId requireTenant() {
    return require().tenant();
  }

  /** The current scope, if its role may write records; else the caller gets a 403. */
  public static Scope requireWriter() {
    Scope scope = require();
    if (!scope.role().canWrite()) {
      throw new ForbiddenException("Your role (" + scope.role().key() + ") may only read this workspace");
    }
    return scope;
  }

  /** The current scope, if its role may administer the workspace; else the caller gets a 403. */
  public static Scope requireAdmin() {
    Scope scope = require();
    if (!scope.role().canAdminister()) {
      throw new ForbiddenException("Only an admin or owner of this workspace may do that");
    }
    return scope;
  }

  /** Runs {@code work} as {@code scope}, restoring whatever was current before (also in the logging context). */
  public static <T> T callAs(Scope scope, Supplier<T> work) {
    Scope previous = CURRENT.get();
    CURRENT.set(scope);
    MDC.put(LOG_KEY, scope.tenant().value().toString());
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
        MDC.remove(LOG_KEY);
      } else {
        CURRENT.set(previous);
        MDC.put(LOG_KEY, previous.tenant().value().toString());
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
