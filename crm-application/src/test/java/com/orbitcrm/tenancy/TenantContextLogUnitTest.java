package com.orbitcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Work in a workspace logs under its id, nested work under the inner one, and nothing stays behind. */
class TenantContextLogUnitTest {

  @Test
  void theLoggingContextFollowsTheScope() {
    var outer = new TenantId(UUID.randomUUID());
    var inner = new TenantId(UUID.randomUUID());
    assertThat(MDC.get(TenantContext.LOG_KEY)).isNull();
    TenantContext.runAs(TenantContext.Scope.system(outer), () -> {
      assertThat(MDC.get(TenantContext.LOG_KEY)).isEqualTo(outer.value().toString());
      TenantContext.runAs(TenantContext.Scope.system(inner),
          () -> assertThat(MDC.get(TenantContext.LOG_KEY)).isEqualTo(inner.value().toString()));
      assertThat(MDC.get(TenantContext.LOG_KEY)).isEqualTo(outer.value().toString());
    });
    assertThat(MDC.get(TenantContext.LOG_KEY)).isNull();
  }
}
