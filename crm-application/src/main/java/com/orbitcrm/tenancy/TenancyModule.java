package com.orbitcrm.tenancy;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.PackageInfo;

/**
 * The tenancy module (workspaces, users, memberships and roles, API tokens, the current workspace) as
 * Spring Modulith sees it: the modules it may use besides the shared {@code platform}. ModularityTests
 * fail on any other dependency.
 */
@PackageInfo
@ApplicationModule(displayName = "Tenancy", allowedDependencies = {"platform::web", "platform::mail"})
class TenancyModule {
  private TenancyModule() {}
}
