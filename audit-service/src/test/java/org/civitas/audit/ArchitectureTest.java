package org.civitas.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.civitas.audit");

  @Test
  void theVerifierNeedsNoSpringAtRunTime() {
    noClasses()
        .that()
        .resideInAPackage("org.civitas.audit.verify..")
        .should()
        .transitivelyDependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(CLASSES);
  }

  @Test
  void theMerkleTreeDependsOnNoOtherFeature() {
    noClasses()
        .that()
        .resideInAPackage("org.civitas.audit.merkle")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.civitas.audit.log..", "org.civitas.audit.treehead..", "org.civitas.audit.verify..")
        .check(CLASSES);
  }

  @Test
  void onlyWebAdaptersDependOnWebAdapters() {
    noClasses()
        .that()
        .resideInAPackage("org.civitas.audit..")
        .and()
        .resideOutsideOfPackage("..web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.civitas.audit..web..")
        .check(CLASSES);
  }

  @Test
  void controllersLiveInWebPackages() {
    classes()
        .that()
        .areAnnotatedWith(RestController.class)
        .should()
        .resideInAPackage("..web..")
        .andShould()
        .notBePublic()
        .check(CLASSES);
  }

  @Test
  void theServiceOnlyReachesTheVerifierThroughItsCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.civitas.audit.verify..")
        .and()
        .doNotHaveFullyQualifiedName(AuditServiceApplication.class.getName())
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.civitas.audit.verify..")
        .check(CLASSES);
  }
}
