package com.orbitcrm.customfields;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.PackageInfo;

/**
 * The customfields module (field definitions and values on any record (to come)) as Spring Modulith sees
 * it: the modules it may use besides the shared {@code platform}. ModularityTests fail on any other
 * dependency.
 */
@PackageInfo
@ApplicationModule(displayName = "Custom fields", allowedDependencies = {"tenancy", "tenancy::app", "platform::web"})
class CustomFieldsModule {
  private CustomFieldsModule() {}
}
