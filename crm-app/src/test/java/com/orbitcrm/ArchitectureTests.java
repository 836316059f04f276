package com.orbitcrm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The rings of the hexagon are the Maven modules; these rules keep their direction. A class belongs
 * to the ring of the jar (or target/classes folder) it was loaded from.
 */
class ArchitectureTests {

  static final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.orbitcrm");

  static DescribedPredicate<JavaClass> inRing(String ring) {
    return DescribedPredicate.describe("in " + ring, c -> c.getBaseComponentType().getSource()
        .map(s -> s.getUri().toString())
        .filter(uri -> uri.contains("/" + ring + "/") || uri.contains("/" + ring + "-"))
        .isPresent());
  }

  @Test
  void theDomainDependsOnNothingButTheJdk() {
    ArchRuleDefinition.classes().that(inRing("crm-domain"))
        .should().onlyDependOnClassesThat(DescribedPredicate.describe("JDK, Orbit or JSpecify types",
            (JavaClass c) -> c.getBaseComponentType().isPrimitive()
                || c.getBaseComponentType().getPackageName().matches("(java|com\\.orbitcrm|org\\.jspecify)(\\..*)?")))
        .andShould().onlyDependOnClassesThat(inRing("crm-domain").or(DescribedPredicate.not(
            DescribedPredicate.describe("Orbit class", (JavaClass c) -> c.getBaseComponentType().getPackageName().startsWith("com.orbitcrm")))))
        .because("the domain is pure Java: no Spring, jOOQ, servlet or Jackson, and no outer ring")
        .check(classes);
  }

  @Test
  void theApplicationDoesNotSeeAdaptersOrTechnology() {
    noClasses().that(inRing("crm-application"))
        .should().dependOnClassesThat(inRing("crm-adapters-persistence").or(inRing("crm-adapters-web")).or(inRing("crm-app")))
        .orShould().dependOnClassesThat().resideInAnyPackage("org.jooq..", "jakarta.servlet..",
            "org.springframework.web..", "com.fasterxml.jackson..", "tools.jackson..", "org.orbitcrm.db..")
        .check(classes);
  }

  @Test
  void adaptersDoNotSeeEachOther() {
    noClasses().that(inRing("crm-adapters-persistence"))
        .should().dependOnClassesThat(inRing("crm-adapters-web").or(inRing("crm-app")))
        .check(classes);
    noClasses().that(inRing("crm-adapters-web"))
        .should().dependOnClassesThat(inRing("crm-adapters-persistence").or(inRing("crm-app")))
        .orShould().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.orbitcrm.db..")
        .allowEmptyShould(false)
        .check(classes);
  }
}
