package com.orbitcrm.timeline;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.PackageInfo;

/**
 * The timeline module (activities and notes on any record, e-mail tracking) as Spring Modulith sees it:
 * the modules it may use besides the shared {@code platform}. ModularityTests fail on any other
 * dependency.
 */
@PackageInfo
@ApplicationModule(displayName = "Timeline", allowedDependencies = {"tenancy", "tenancy::app", "clients", "deals", "deals::app", "meetings", "meetings::app", "platform::web", "platform::jooq"})
class TimelineModule {
  private TimelineModule() {}
}
