package com.orbitcrm.clients;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.PackageInfo;

/**
 * The clients module (the companies we sell to) as Spring Modulith sees it: the modules it may use besides
 * the shared {@code platform}. ModularityTests fail on any other dependency.
 */
@PackageInfo
@ApplicationModule(displayName = "Clients", allowedDependencies = {"tenancy", "tenancy::app", "platform::web", "customfields", "customfields::app", "customfields::web"})
class ClientsModule {
  private ClientsModule() {}
}
