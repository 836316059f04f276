package com.orbitcrm.meetings;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.PackageInfo;

/**
 * The meetings module (meetings, attendees and their answers, reminders, calendar files and feeds) as Spring Modulith sees it: the modules
 * it may use besides the shared {@code platform}. ModularityTests fail on any other dependency.
 */
@PackageInfo
@ApplicationModule(displayName = "Meetings", allowedDependencies = {"tenancy", "tenancy::app", "clients", "deals", "platform::web", "platform::jooq", "platform::mail"})
class MeetingsModule {
  private MeetingsModule() {}
}
