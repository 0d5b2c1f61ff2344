package org.civitas.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PolicyArchitectureTest {

  static final String[] FEATURES = {
    "org.civitas.policy.document..",
    "org.civitas.policy.minimization..",
    "org.civitas.policy.pseudonym..",
    "org.civitas.policy.versions..",
    "org.civitas.policy.governance..",
    "org.civitas.policy.access..",
    "org.civitas.policy.retention..",
    "org.civitas.policy.messaging.."
  };

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.civitas.policy");

  @Test
  void policy_documents_and_minimization_are_plain_java() {
    noClasses()
        .that()
        .resideInAnyPackage("org.civitas.policy.document..", "org.civitas.policy.minimization..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..")
        .check(classes);
  }

  @Test
  void features_should_not_depend_on_web_edges() {
    noClasses()
        .that()
        .resideInAnyPackage(FEATURES)
        .and()
        .resideOutsideOfPackage("..web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..web..")
        .check(classes);
  }

  @Test
  void features_should_not_know_http() {
    noClasses()
        .that()
        .resideInAnyPackage(FEATURES)
        .and()
        .resideOutsideOfPackage("..web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.web..", "org.springframework.http..")
        .check(classes);
  }

  @Test
  void the_governed_store_does_not_depend_on_who_reads_or_purges_it() {
    noClasses()
        .that()
        .resideInAPackage("org.civitas.policy.governance..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.civitas.policy.access..", "org.civitas.policy.retention..")
        .check(classes);
  }

  @Test
  void minimization_does_not_reach_into_the_key_store() {
    noClasses()
        .that()
        .resideInAPackage("org.civitas.policy.minimization..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.civitas.policy.pseudonym..")
        .check(classes);
  }
}
