package com.orbitcrm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The business modules, verified by Spring Modulith across all the jars: no cycles, and no module
 * reaching into another's internals. Writes the module documentation to target/spring-modulith-docs.
 */
class ModularityTests {

  static final ApplicationModules modules = ApplicationModules.of(OrbitCrmApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void theModulesAreTheOnesOfTheDesign() {
    assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .contains("tenancy", "platform")
        .doesNotContain("jooq", "db", "buildtools");
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
  }
}
