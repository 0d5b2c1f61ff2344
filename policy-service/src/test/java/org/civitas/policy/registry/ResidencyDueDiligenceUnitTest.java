package org.civitas.policy.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civitas.policy.registry.RegistryFixtures.plateCamera;
import static org.civitas.policy.registry.RegistryFixtures.policy;
import static org.civitas.policy.registry.RegistryFixtures.rules;
import static org.civitas.policy.registry.RegistryFixtures.withCategories;
import static org.civitas.policy.registry.RegistryFixtures.withProcessingLocations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResidencyDueDiligenceUnitTest {

  private final PolicyFacts canadaOnly =
      policy(
          3,
          Map.of(
              "licence_plate", rules(Duration.ofHours(24), List.of("CA"), List.of()),
              "air_quality", rules(Duration.ofDays(365), List.of("CA"), List.of("US"))));

  @Test
  void vendorProcessingInsideStoreInIsAccepted() {
    assertThat(ResidencyDueDiligence.check(plateCamera("s1"), canadaOnly).refused()).isFalse();
  }

  @Test
  void vendorProcessingOutsideStoreInAndTransferToIsRefused() {
    NewSensor sensor = withProcessingLocations(plateCamera("s1"), List.of("CA", "US"));

    ResidencyDueDiligence.Finding finding = ResidencyDueDiligence.check(sensor, canadaOnly);

    assertThat(finding.refused()).isTrue();
    assertThat(finding.blockedCategories()).containsExactly("licence_plate");
    assertThat(finding.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("processingLocations[1]");
              assertThat(v.code()).isEqualTo("residency_not_permitted");
            });
  }

  @Test
  void transferToCountsAsAllowed() {
    NewSensor sensor =
        withProcessingLocations(
            withCategories(plateCamera("s1"), List.of("air_quality")), List.of("US"));

    assertThat(ResidencyDueDiligence.check(sensor, canadaOnly).refused()).isFalse();
  }

  @Test
  void everyCategoryOfTheSensorMustAllowTheLocation() {
    NewSensor sensor =
        withProcessingLocations(
            withCategories(plateCamera("s1"), List.of("air_quality", "licence_plate")),
            List.of("US"));

    assertThat(ResidencyDueDiligence.check(sensor, canadaOnly).blockedCategories())
        .containsExactly("licence_plate");
  }

  @Test
  void categoriesWithoutPolicyAreLeftToThePublicRegistryFlags() {
    NewSensor sensor =
        withProcessingLocations(
            withCategories(plateCamera("s1"), List.of("noise_level")), List.of("DE"));

    assertThat(ResidencyDueDiligence.check(sensor, canadaOnly).refused()).isFalse();
  }
}
