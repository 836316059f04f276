package com.orbitcrm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orbitcrm.tenancy.TenantScopedEvent;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The rings of the hexagon are the Maven modules; these rules keep their direction. A class belongs to
 * the ring of the jar (or target/classes folder) it was loaded from. Each rule is written once, for a
 * given way of telling the rings apart, and checked twice: on the application (it must pass) and on
 * the planted violations of {@code archfixtures} (it must fail, naming them) — a rule that cannot fail
 * protects nothing.
 */
class ArchitectureTests {

  static final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("com.orbitcrm");

  /** The planted violations (test sources, package {@code archfixtures}, never part of the application). */
  static final JavaClasses planted = new ClassFileImporter().importPackages("archfixtures");

  /** How to tell which ring a class belongs to. */
  record Rings(DescribedPredicate<JavaClass> domain, DescribedPredicate<JavaClass> application,
               DescribedPredicate<JavaClass> persistence, DescribedPredicate<JavaClass> web,
               DescribedPredicate<JavaClass> mail, DescribedPredicate<JavaClass> app) {

    /** The application's rings: the Maven module a class was loaded from. */
    static Rings byJar() {
      return new Rings(inJar("crm-domain"), inJar("crm-application"), inJar("crm-adapters-persistence"),
          inJar("crm-adapters-web"), inJar("crm-adapters-mail"), inJar("crm-app"));
    }

    /** The planted classes' rings: their package under {@code archfixtures}. */
    static Rings byPackage() {
      Function<String, DescribedPredicate<JavaClass>> in = ring -> DescribedPredicate.describe("in " + ring,
          c -> c.getPackageName().equals("archfixtures." + ring));
      return new Rings(in.apply("domain"), in.apply("application"), in.apply("persistence"), in.apply("web"),
          in.apply("mail"), in.apply("app"));
    }

    static DescribedPredicate<JavaClass> inJar(String ring) {
      return DescribedPredicate.describe("in " + ring, c -> c.getBaseComponentType().getSource()
          .map(s -> s.getUri().toString())
          .filter(uri -> uri.contains("/" + ring + "/") || uri.contains("/" + ring + "-"))
          .isPresent());
    }
  }

  /** The JDK's own packages (java.*, and javax.crypto, which is java.base's too) and JSpecify's annotations. */
  static final DescribedPredicate<JavaClass> JDK_OR_JSPECIFY = DescribedPredicate.describe("JDK or JSpecify types",
      c -> c.getBaseComponentType().isPrimitive()
          || c.getBaseComponentType().getPackageName().matches("(java|javax\\.crypto|org\\.jspecify)(\\..*)?"));

  static ArchRule domainIsPure(Rings rings) {
    return ArchRuleDefinition.classes().that(rings.domain())
        .should().onlyDependOnClassesThat(JDK_OR_JSPECIFY.or(rings.domain()))
        .because("the domain is pure Java: no Spring, jOOQ, servlet or Jackson, and no outer ring");
  }

  static ArchRule applicationSeesNoAdapterOrTechnology(Rings rings) {
    return noClasses().that(rings.application())
        .should().dependOnClassesThat(rings.persistence().or(rings.web()).or(rings.mail()).or(rings.app()))
        .orShould().dependOnClassesThat().resideInAnyPackage("org.jooq..", "jakarta.servlet..",
            "org.springframework.web..", "com.fasterxml.jackson..", "tools.jackson..", "org.orbitcrm.db..",
            "jakarta.mail..", "org.springframework.mail..", "net.fortuna.ical4j..")
        .because("use cases talk to the world through ports only");
  }

  static ArchRule persistenceDoesNotSeeWeb(Rings rings) {
    return noClasses().that(rings.persistence())
        .should().dependOnClassesThat(rings.web().or(rings.mail()).or(rings.app()));
  }

  static ArchRule webDoesNotSeePersistence(Rings rings) {
    return noClasses().that(rings.web())
        .should().dependOnClassesThat(rings.persistence().or(rings.mail()).or(rings.app()))
        .orShould().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.orbitcrm.db..")
        .allowEmptyShould(false);
  }

  /** The mail adapter (SMTP, iCalendar) reaches the application through its ports only, like the other adapters. */
  static ArchRule mailDoesNotSeeOtherAdapters(Rings rings) {
    return noClasses().that(rings.mail())
        .should().dependOnClassesThat(rings.persistence().or(rings.web()).or(rings.app()))
        .orShould().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.orbitcrm.db..", "jakarta.servlet..",
            "org.springframework.web..")
        .allowEmptyShould(false);
  }

  /** The listener's transaction is opened in its event's workspace (TenantScopedListeners): it must carry one. */
  static ArchRule transactionalListenersTakeAWorkspaceEvent() {
    return methods().that().areMetaAnnotatedWith(TransactionalEventListener.class)
        .should(new ArchCondition<JavaMethod>("take exactly one TenantScopedEvent") {
          @Override
          public void check(JavaMethod method, ConditionEvents events) {
            var parameters = method.getRawParameterTypes();
            boolean ok = parameters.size() == 1 && parameters.getFirst().isAssignableTo(TenantScopedEvent.class);
            if (!ok) {
              events.add(SimpleConditionEvent.violated(method, method.getFullName()
                  + " does not take exactly one TenantScopedEvent"));
            }
          }
        })
        .allowEmptyShould(true);
  }

  @Test
  void theDomainDependsOnNothingButTheJdk() {
    domainIsPure(Rings.byJar()).check(classes);
  }

  @Test
  void theApplicationDoesNotSeeAdaptersOrTechnology() {
    applicationSeesNoAdapterOrTechnology(Rings.byJar()).check(classes);
  }

  @Test
  void adaptersDoNotSeeEachOther() {
    persistenceDoesNotSeeWeb(Rings.byJar()).check(classes);
    webDoesNotSeePersistence(Rings.byJar()).check(classes);
    mailDoesNotSeeOtherAdapters(Rings.byJar()).check(classes);
  }

  @Test
  void everyTransactionalListenerTakesAnEventOfOneWorkspace() {
    transactionalListenersTakeAWorkspaceEvent().check(classes);
    // The rule is not vacuous here: the application has such listeners.
    assertThat(classes.stream().flatMap(c -> c.getMethods().stream())
        .filter(m -> m.isMetaAnnotatedWith(TransactionalEventListener.class))).isNotEmpty();
  }

  @Test
  void everyRuleRejectsItsPlantedViolation() {
    Rings rings = Rings.byPackage();
    record Case(ArchRule rule, String culprit) {}
    for (var c : List.of(
        new Case(domainIsPure(rings), "SpringInDomain"),
        new Case(applicationSeesNoAdapterOrTechnology(rings), "JooqInUseCase"),
        new Case(applicationSeesNoAdapterOrTechnology(rings), "UseCaseUsingMailer"),
        new Case(webDoesNotSeePersistence(rings), "WebUsingPersistence"),
        new Case(mailDoesNotSeeOtherAdapters(rings), "MailUsingWeb"),
        new Case(transactionalListenersTakeAWorkspaceEvent(), "ListenerWithoutWorkspace"))) {
      assertThatThrownBy(() -> c.rule().check(planted)).as(c.rule().getDescription())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(c.culprit());
    }
    // …and only the culprits: a clean domain class passes.
    assertThatThrownBy(() -> domainIsPure(rings).check(planted)).message().doesNotContain("PureValue");
  }
}
