package com.orbitcrm.integrations;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.PackageInfo;

/**
 * The integrations module (webhook endpoints, their deliveries and the events they are made from) as Spring
 * Modulith sees it: the modules it may use besides the shared {@code platform}. It only listens to the record
 * modules' events and reads their labels through the platform's record seam. ModularityTests fail on any other
 * dependency.
 */
@PackageInfo
@ApplicationModule(displayName = "Integrations", allowedDependencies = {"tenancy", "tenancy::app", "platform::web",
    "platform::mail", "clients", "deals", "timeline", "meetings"})
class IntegrationsModule {
  private IntegrationsModule() {}
}
