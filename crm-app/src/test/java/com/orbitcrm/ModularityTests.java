package com.orbitcrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * The business modules, verified by Spring Modulith across all the jars: no cycles, no module reaching
 * into another's internals (its {@code port} package, its adapters), no dependency its
 * {@code allowedDependencies} do not list. The rules must be able to fail: violations planted in the
 * test sources ({@code Planted*} classes, never part of the application) must be rejected.
 */
class ModularityTests {

  static final ApplicationModules modules = ApplicationModules.of(OrbitCrmApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void theModulesAreExactlyTheOnesOfTheDesign() {
    assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .containsExactlyInAnyOrder("platform", "tenancy", "clients", "deals", "timeline", "meetings",
            "customfields", "insights", "imports", "integrations", "demo");
  }

  @Test
  void aModuleThatInjectsAnotherModulesPortIsRejected() {
    var violations = withPlanted().detectViolations();
    assertThat(violations.hasViolations()).isTrue();
    assertThat(violations.getMessages()).anySatisfy(m -> assertThat(m)
        .contains("PlantedDealsReader").contains("com.orbitcrm.deals.port.Deals"));
  }

  @Test
  void aDependencyOutsideAModulesAllowedDependenciesIsRejected() {
    Violations violations = withPlanted().detectViolations();
    assertThat(violations.getMessages()).anySatisfy(m -> assertThat(m)
        .contains("PlantedTimelineUse").contains("timeline"));
    assertThatThrownBy(() -> withPlanted().verify()).hasMessageContaining("PlantedTimelineUse");
  }

  /** The application's classes plus the planted violations of the test sources. */
  private static ApplicationModules withPlanted() {
    ImportOption mainAndPlanted = location -> !location.contains("/test-classes/") || location.contains("/Planted");
    return ApplicationModules.of(OrbitCrmApplication.class, mainAndPlanted);
  }
}
