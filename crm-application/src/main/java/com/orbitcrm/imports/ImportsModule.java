package com.orbitcrm.imports;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.PackageInfo;

/**
 * The imports module (CSV files of clients and deals brought in as background jobs) as Spring Modulith sees
 * it: the modules it may use besides the shared {@code platform}. It writes records only through their
 * modules' published use cases. ModularityTests fail on any other dependency.
 */
@PackageInfo
@ApplicationModule(displayName = "Imports", allowedDependencies = {"tenancy", "tenancy::app", "platform::web",
    "clients", "clients::app", "deals", "deals::app", "customfields", "customfields::app"})
class ImportsModule {
  private ImportsModule() {}
}
