package com.orbitcrm;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/**
 * Not a check: writes the module documentation (component diagrams, module canvases) to
 * target/spring-modulith-docs on every build. It runs with the tests because that is where the whole
 * application's classes are at hand.
 */
@Tag("documentation")
class ModuleDocumentation {

  @Test
  void writeModuleDocumentation() {
    new Documenter(ModularityTests.modules).writeDocumentation().writeIndividualModulesAsPlantUml();
  }
}
