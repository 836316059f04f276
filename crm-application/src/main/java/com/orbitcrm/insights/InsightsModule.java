package com.orbitcrm.insights;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.PackageInfo;

/**
 * The insights module (dashboard metrics and the forecast (to come)) as Spring Modulith sees it: the
 * modules it may use besides the shared {@code platform}. ModularityTests fail on any other dependency.
 */
@PackageInfo
@ApplicationModule(displayName = "Insights", allowedDependencies = {"tenancy", "tenancy::app", "deals", "deals::app", "platform::web"})
class InsightsModule {
  private InsightsModule() {}
}
