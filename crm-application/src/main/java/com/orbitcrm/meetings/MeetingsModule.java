package com.orbitcrm.meetings;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.PackageInfo;

/**
 * The meetings module (meetings, attendees, reminders (to come)) as Spring Modulith sees it: the modules
 * it may use besides the shared {@code platform}. ModularityTests fail on any other dependency.
 */
@PackageInfo
@ApplicationModule(displayName = "Meetings", allowedDependencies = {"tenancy", "tenancy::app", "platform::web"})
class MeetingsModule {
  private MeetingsModule() {}
}
