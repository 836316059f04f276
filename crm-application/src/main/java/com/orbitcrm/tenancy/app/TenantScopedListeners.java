package com.orbitcrm.tenancy.app;

import com.orbitcrm.tenancy.TenantContext;
import com.orbitcrm.tenancy.TenantScopedEvent;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs every transactional event listener (Spring Modulith's {@code @ApplicationModuleListener} among
 * them) in the workspace of its event, set <em>before</em> anything else around the listener — before the
 * event publication registry marks it in progress and completed, and before its transaction opens (the
 * transaction manager scopes a transaction to the workspace current when it begins). So a listener can
 * neither start a transaction without a workspace nor in the wrong one:
 * <ul>
 *   <li>an event that is not a {@link TenantScopedEvent} is refused;</li>
 *   <li>a listener called while another workspace is current (a synchronous listener in a request of
 *       another workspace) is refused.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class TenantScopedListeners {

  /** Outside the event registry's completion advisor (HIGHEST_PRECEDENCE + 10) and the transaction's. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Advisor tenantScopedListenerAdvisor() {
    // checkInherited: also methods meta-annotated, such as @ApplicationModuleListener.
    var advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, TransactionalEventListener.class,
        true), scope());
    advisor.setOrder(ORDER);
    return advisor;
  }

  static MethodInterceptor scope() {
    return invocation -> {
      Object[] arguments = invocation.getArguments();
      if (arguments.length != 1 || !(arguments[0] instanceof TenantScopedEvent event)) {
        throw new IllegalStateException("A transactional event listener must take one event that carries its "
            + "workspace (TenantScopedEvent): " + invocation.getMethod());
      }
      var current = TenantContext.current();
      if (current.isPresent()) {
        if (!current.get().tenant().equals(event.tenant())) {
          throw new IllegalStateException("An event of workspace " + event.tenant() + " reached "
              + invocation.getMethod().getName() + " while workspace " + current.get().tenant() + " is current");
        }
        return invocation.proceed();
      }
      return TenantContext.callAs(TenantContext.Scope.system(event.tenant()), () -> {
        try {
          return invocation.proceed();
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Throwable e) {
          throw new IllegalStateException(e);
        }
      });
    };
  }
}
