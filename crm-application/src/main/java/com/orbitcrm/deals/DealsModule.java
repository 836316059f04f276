package com.orbitcrm.deals;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.PackageInfo;

/**
 * The deals module (deals, pipelines and their stages, the board) as Spring Modulith sees it: the modules
 * it may use besides the shared {@code platform}. ModularityTests fail on any other dependency.
 */
@PackageInfo
@ApplicationModule(displayName = "Deals", allowedDependencies = {"tenancy", "tenancy::app", "clients", "clients::app", "platform::web", "customfields", "customfields::app", "customfields::web"})
class DealsModule {
  private DealsModule() {}
}
