package org.civitas.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class GatewayArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.civitas.gateway");

  @Test
  void featuresDoNotDependOnEachOtherInCircles() {
    slices().matching("org.civitas.gateway.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void problemBodiesKnowNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("org.civitas.gateway.problem..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.civitas.gateway.routing..",
            "org.civitas.gateway.security..",
            "org.civitas.gateway.ratelimit..",
            "org.civitas.gateway.bodylimit..",
            "org.civitas.gateway.headers..",
            "org.civitas.gateway.correlation..")
        .check(classes);
  }

  @Test
  void rateLimitingArithmeticKnowsNothingOfHttpOrSpring() {
    noClasses()
        .that()
        .haveSimpleName("RateLimiter")
        .or()
        .haveSimpleName("TokenBucket")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.servlet..", "org.springframework..")
        .check(classes);
  }

  @Test
  void onlyTheSecurityFeatureConfiguresAuthentication() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.civitas.gateway.security..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.security.config..", "org.springframework.security.oauth2..")
        .check(classes);
  }
}
