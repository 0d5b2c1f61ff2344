package org.civitas.policy.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class RegistryArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.civitas.policy.registry");

  @Test
  void registry_domain_should_not_depend_on_its_web_edge() {
    noClasses()
        .that()
        .resideInAPackage("org.civitas.policy.registry")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.civitas.policy.registry.web..")
        .check(classes);
  }

  @Test
  void registry_domain_should_not_know_http() {
    noClasses()
        .that()
        .resideInAPackage("org.civitas.policy.registry")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.web..", "org.springframework.http..")
        .check(classes);
  }
}
