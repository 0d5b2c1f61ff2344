package org.civitas.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class IngestArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("org.civitas.ingest");

  @Test
  void readingLogicDependsOnNeitherWebNorKafkaAdapters() {
    noClasses()
        .that()
        .resideInAPackage("org.civitas.ingest.reading")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.civitas.ingest.reading.web..",
            "org.civitas.ingest.reading.kafka..",
            "org.apache.kafka..",
            "jakarta.servlet..")
        .check(classes);
  }

  @Test
  void theRegistryKnowsNothingOfReadings() {
    noClasses()
        .that()
        .resideInAPackage("org.civitas.ingest.registry..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.civitas.ingest.reading..")
        .check(classes);
  }

  @Test
  void adaptersDoNotTalkToEachOther() {
    noClasses()
        .that()
        .resideInAPackage("org.civitas.ingest.reading.web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.civitas.ingest.reading.kafka..")
        .check(classes);
  }
}
