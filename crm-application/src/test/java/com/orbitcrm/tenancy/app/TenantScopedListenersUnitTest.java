package com.orbitcrm.tenancy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantId;
import com.orbitcrm.tenancy.TenantScopedEvent;
import com.orbitcrm.tenancy.WorkspaceCreated;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.util.UUID;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;

/**
 * A transactional listener runs in its event's workspace — set before anything around it, so its
 * transaction opens there — and never in another one.
 */
class TenantScopedListenersUnitTest {

  static final TenantId EVENTS_WORKSPACE = new TenantId(UUID.randomUUID());

  /** A listener call that reports the workspace current while it runs. */
  record Call(Object event) implements MethodInvocation {
    @Override
    public Method getMethod() {
      try {
        return Call.class.getDeclaredMethod("event");
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Object[] getArguments() {
      return new Object[] {event};
    }

    @Override
    public Object proceed() {
      return TenantContext.current().map(TenantContext.Scope::tenant).orElse(null);
    }

    @Override
    public Object getThis() {
      return this;
    }

    @Override
    public AccessibleObject getStaticPart() {
      return getMethod();
    }
  }

  @Test
  void aListenerRunsInItsEventsWorkspaceAndItIsClearedAfterwards() throws Throwable {
    Object seen = TenantScopedListeners.scope().invoke(new Call(new WorkspaceCreated(EVENTS_WORKSPACE)));
    assertThat(seen).isEqualTo(EVENTS_WORKSPACE);
    assertThat(TenantContext.current()).isEmpty();
  }

  @Test
  void aListenerCalledInsideItsOwnWorkspaceKeepsIt() throws Throwable {
    var scope = TenantContext.Scope.system(EVENTS_WORKSPACE);
    Object seen = TenantContext.callAs(scope, () -> {
      try {
        return TenantScopedListeners.scope().invoke(new Call(new WorkspaceCreated(EVENTS_WORKSPACE)));
      } catch (Throwable e) {
        throw new AssertionError(e);
      }
    });
    assertThat(seen).isEqualTo(EVENTS_WORKSPACE);
  }

  @Test
  void aListenerNeverRunsInAnotherWorkspace() {
    var other = TenantContext.Scope.system(new TenantId(UUID.randomUUID()));
    assertThatThrownBy(() -> TenantContext.runAs(other, () -> {
      try {
        TenantScopedListeners.scope().invoke(new Call(new WorkspaceCreated(EVENTS_WORKSPACE)));
      } catch (RuntimeException e) {
        throw e;
      } catch (Throwable e) {
        throw new AssertionError(e);
      }
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("while workspace");
  }

  @Test
  void anEventWithoutAWorkspaceIsRefused() {
    assertThatThrownBy(() -> TenantScopedListeners.scope().invoke(new Call("something happened")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(TenantScopedEvent.class.getSimpleName());
  }
}
